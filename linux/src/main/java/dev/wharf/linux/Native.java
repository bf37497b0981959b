package dev.wharf.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/** Binds libc functions with errno capture and turns a negative return into an {@link ErrnoException}. */
final class Native {
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout ADDRESS = ValueLayout.ADDRESS;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** One downcall; gets a confined arena for its arguments and the errno slot to pass first. */
    @FunctionalInterface
    interface Call {
        int invoke(Arena arena, MemorySegment errno) throws Throwable;
    }

    private Native() {}

    /** A handle whose first parameter is the errno capture segment. */
    static MethodHandle bind(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(
                LINKER.defaultLookup().findOrThrow(name), descriptor, Linker.Option.captureCallState("errno"));
    }

    /** A handle for a variadic function ({@code ioctl}): the fixed parameters come first, then the variadic ones. */
    static MethodHandle bindVariadic(String name, FunctionDescriptor descriptor, int fixedParameters) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor,
                Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(fixedParameters));
    }

    /** Runs the call and returns its non-negative result; a negative one becomes an ErrnoException. */
    static int call(String name, String subject, Call call) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = errnoSlot(arena);
            int rc = call.invoke(arena, errno);
            if (rc < 0) {
                throw new ErrnoException(name, subject, errno(errno));
            }
            return rc;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("downcall " + name + " failed", t);
        }
    }

    static MemorySegment errnoSlot(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    static int errno(MemorySegment slot) {
        return (int) ERRNO.get(slot, 0L);
    }

    static MemorySegment cString(Arena arena, String s) {
        return s == null ? MemorySegment.NULL : arena.allocateFrom(s);
    }
}

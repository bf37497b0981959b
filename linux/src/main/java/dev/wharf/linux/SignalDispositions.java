package dev.wharf.linux;

import static dev.wharf.linux.Native.ADDRESS;
import static dev.wharf.linux.Native.INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * A process started with SIGINT or SIGTERM ignored (a background job of a script, {@code nohup}) passes
 * that on to the JVM, which then silently installs no handler for it. Go's {@code signal.Notify}, and so
 * the docker CLI, takes such a signal back; {@link #unignore} lets a Java handler do the same.
 */
public final class SignalDispositions {
    private static final MethodHandle SIGNAL = Native.bind("signal", FunctionDescriptor.of(ADDRESS, INT, ADDRESS));
    private static final long SIG_DFL = 0;
    private static final long SIG_IGN = 1;

    private SignalDispositions() {}

    /** Makes an ignored signal take its default action again (so that a handler can be installed); else no change. */
    public static void unignore(int signal) {
        MemorySegment previous = exchange(signal, MemorySegment.ofAddress(SIG_DFL));
        if (previous.address() != SIG_IGN) {
            exchange(signal, previous); // it had a handler or the default: put it back as it was
        }
    }

    private static MemorySegment exchange(int signal, MemorySegment handler) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment previous = (MemorySegment) SIGNAL.invokeExact(Native.errnoSlot(arena), signal, handler);
            if (previous.address() == -1L) {
                throw new IllegalArgumentException("signal(" + signal + ") refused");
            }
            return previous;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("downcall signal failed", t);
        }
    }
}

package dev.wharf.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * SHA-256 by OpenSSL's libcrypto (SHA-NI/AVX2 code) as a {@link MessageDigest}. The daemon runs on C1
 * alone, which has no SHA intrinsic: the JDK's SHA-256 is Java code there, about 20 times slower, and
 * every blob, layer and build context is hashed. The context struct and the data stay in Java arrays,
 * passed to critical downcalls without a copy.
 */
public final class NativeSha256 extends MessageDigest implements Cloneable {
    /** sizeof(SHA256_CTX) is 112; a long array keeps it 8-byte aligned. */
    private static final int CTX_LONGS = 16;
    private static final Functions FUNCTIONS = Functions.load();

    private long[] ctx = new long[CTX_LONGS];
    private final byte[] one = new byte[1];

    private NativeSha256() {
        super("SHA-256");
        engineReset();
    }

    /** A new digest, or empty when libcrypto cannot be loaded here. */
    public static Optional<MessageDigest> create() {
        return FUNCTIONS == null ? Optional.empty() : Optional.of(new NativeSha256());
    }

    @Override
    protected void engineUpdate(byte input) {
        one[0] = input;
        engineUpdate(one, 0, 1);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int length) {
        if (length == 0) {
            return;
        }
        MemorySegment data = MemorySegment.ofArray(input).asSlice(offset, length);
        invoke(FUNCTIONS.update, MemorySegment.ofArray(ctx), data, (long) length);
    }

    /** A direct buffer (the registry's upload buffer) is hashed where it lies, not copied out in 4 KiB pieces. */
    @Override
    protected void engineUpdate(ByteBuffer input) {
        if (!input.isDirect()) {
            super.engineUpdate(input);
            return;
        }
        int length = input.remaining();
        if (length > 0) {
            invoke(FUNCTIONS.update, MemorySegment.ofArray(ctx), MemorySegment.ofBuffer(input), length);
            input.position(input.limit());
        }
    }

    @Override
    protected byte[] engineDigest() {
        byte[] out = new byte[32];
        try {
            int rc = (int) FUNCTIONS.finish.invokeExact(MemorySegment.ofArray(out), MemorySegment.ofArray(ctx));
            check(rc);
        } catch (Throwable t) {
            throw failure(t);
        }
        engineReset();
        return out;
    }

    @Override
    protected void engineReset() {
        try {
            check((int) FUNCTIONS.init.invokeExact(MemorySegment.ofArray(ctx)));
        } catch (Throwable t) {
            throw failure(t);
        }
    }

    @Override
    protected int engineGetDigestLength() {
        return 32;
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
        NativeSha256 copy = (NativeSha256) super.clone();
        copy.ctx = Arrays.copyOf(ctx, CTX_LONGS);
        return copy;
    }

    private static void invoke(MethodHandle update, MemorySegment ctx, MemorySegment data, long length) {
        try {
            check((int) update.invokeExact(ctx, data, length));
        } catch (Throwable t) {
            throw failure(t);
        }
    }

    private static void check(int rc) {
        if (rc != 1) {
            throw new IllegalStateException("libcrypto SHA-256 call failed");
        }
    }

    private static RuntimeException failure(Throwable t) {
        return t instanceof RuntimeException r ? r : new IllegalStateException("libcrypto SHA-256 call failed", t);
    }

    /** SHA256_Init/Update/Final, bound as critical calls that may read and write heap arrays. */
    private record Functions(MethodHandle init, MethodHandle update, MethodHandle finish) {
        static Functions load() {
            try {
                SymbolLookup crypto = SymbolLookup.libraryLookup("libcrypto.so.3", Arena.global());
                Linker linker = Linker.nativeLinker();
                Linker.Option heap = Linker.Option.critical(true);
                return new Functions(
                        linker.downcallHandle(crypto.findOrThrow("SHA256_Init"),
                                FunctionDescriptor.of(Native.INT, Native.ADDRESS), heap),
                        linker.downcallHandle(crypto.findOrThrow("SHA256_Update"),
                                FunctionDescriptor.of(Native.INT, Native.ADDRESS, Native.ADDRESS, Native.LONG), heap),
                        linker.downcallHandle(crypto.findOrThrow("SHA256_Final"),
                                FunctionDescriptor.of(Native.INT, Native.ADDRESS, Native.ADDRESS), heap));
            } catch (IllegalArgumentException | java.util.NoSuchElementException | UnsupportedOperationException e) {
                return null; // no libcrypto: the JDK's implementation serves
            }
        }
    }
}

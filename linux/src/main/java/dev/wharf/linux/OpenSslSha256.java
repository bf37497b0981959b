package dev.wharf.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * SHA-256 by OpenSSL's libcrypto (the system's {@code libcrypto.so.3}) through the FFM API. The JDK's own
 * SHA-256 reaches SHA-NI speed only once C2 has compiled it, which wharfd (C1 only) never does and a fresh
 * registry does only after seconds of pushing; libcrypto hashes at the CPU's speed from the first byte and
 * reads direct buffers in place. {@link #isAvailable()} is false where the library is missing.
 */
public final class OpenSslSha256 extends MessageDigest implements Cloneable {
    private static final int LENGTH = 32;
    /** Heap arrays are hashed in pieces this big, each a critical call: short enough not to delay a GC. */
    private static final int HEAP_PIECE = 64 << 10;
    private static final Cleaner CLEANER = Cleaner.create();
    private static final Binding BINDING = Binding.load();

    private final Context context;

    public OpenSslSha256() {
        super("SHA-256");
        if (BINDING == null) {
            throw new IllegalStateException("libcrypto is not available");
        }
        context = new Context(BINDING.newContext());
        CLEANER.register(this, context);
        BINDING.init(context.address);
    }

    private OpenSslSha256(OpenSslSha256 original) {
        super("SHA-256");
        context = new Context(BINDING.newContext());
        CLEANER.register(this, context);
        BINDING.copy(context.address, original.context.address);
    }

    public static boolean isAvailable() {
        return BINDING != null;
    }

    @Override
    protected int engineGetDigestLength() {
        return LENGTH;
    }

    @Override
    protected void engineUpdate(byte input) {
        engineUpdate(new byte[] {input}, 0, 1);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int length) {
        for (int done = 0; done < length; done += HEAP_PIECE) {
            int piece = Math.min(HEAP_PIECE, length - done);
            BINDING.updateHeap(context.address, MemorySegment.ofArray(input).asSlice(offset + done, piece), piece);
        }
    }

    @Override
    protected void engineUpdate(ByteBuffer input) {
        if (!input.isDirect()) {
            super.engineUpdate(input); // through the byte[] path
            return;
        }
        int length = input.remaining();
        BINDING.update(context.address, MemorySegment.ofBuffer(input), length);
        input.position(input.limit());
    }

    @Override
    protected byte[] engineDigest() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(LENGTH);
            BINDING.finish(context.address, out);
            BINDING.init(context.address); // MessageDigest's contract: digest() resets
            return out.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    @Override
    protected void engineReset() {
        BINDING.init(context.address);
    }

    @Override
    public Object clone() {
        return new OpenSslSha256(this);
    }

    /** The EVP_MD_CTX, freed when its digest is unreachable. */
    private record Context(MemorySegment address) implements Runnable {
        @Override
        public void run() {
            BINDING.free(address);
        }
    }

    /** libcrypto's EVP digest functions, bound once. */
    private record Binding(MemorySegment sha256, MethodHandle ctxNew, MethodHandle ctxFree, MethodHandle digestInit,
            MethodHandle digestUpdate, MethodHandle digestUpdateCritical, MethodHandle digestFinal, MethodHandle ctxCopy) {

        static Binding load() {
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup crypto = SymbolLookup.libraryLookup("libcrypto.so.3", Arena.global());
                var address = ValueLayout.ADDRESS;
                var integer = ValueLayout.JAVA_INT;
                FunctionDescriptor updateDescriptor = FunctionDescriptor.of(integer, address, address, ValueLayout.JAVA_LONG);
                MethodHandle fetch = linker.downcallHandle(crypto.findOrThrow("EVP_MD_fetch"),
                        FunctionDescriptor.of(address, address, address, address));
                MemorySegment sha256;
                try (Arena arena = Arena.ofConfined()) {
                    sha256 = (MemorySegment) fetch.invokeExact(MemorySegment.NULL, arena.allocateFrom("SHA256"), MemorySegment.NULL);
                }
                if (sha256.equals(MemorySegment.NULL)) {
                    return null;
                }
                return new Binding(sha256,
                        linker.downcallHandle(crypto.findOrThrow("EVP_MD_CTX_new"), FunctionDescriptor.of(address)),
                        linker.downcallHandle(crypto.findOrThrow("EVP_MD_CTX_free"), FunctionDescriptor.ofVoid(address)),
                        linker.downcallHandle(crypto.findOrThrow("EVP_DigestInit_ex"),
                                FunctionDescriptor.of(integer, address, address, address)),
                        linker.downcallHandle(crypto.findOrThrow("EVP_DigestUpdate"), updateDescriptor),
                        linker.downcallHandle(crypto.findOrThrow("EVP_DigestUpdate"), updateDescriptor,
                                Linker.Option.critical(true)),
                        linker.downcallHandle(crypto.findOrThrow("EVP_DigestFinal_ex"),
                                FunctionDescriptor.of(integer, address, address, address)),
                        linker.downcallHandle(crypto.findOrThrow("EVP_MD_CTX_copy_ex"),
                                FunctionDescriptor.of(integer, address, address)));
            } catch (Throwable missing) { // no libcrypto.so.3, or an older one without EVP_MD_fetch
                return null;
            }
        }

        MemorySegment newContext() {
            try {
                MemorySegment context = (MemorySegment) ctxNew.invokeExact();
                if (context.equals(MemorySegment.NULL)) {
                    throw new OutOfMemoryError("EVP_MD_CTX_new");
                }
                return context;
            } catch (Throwable t) {
                throw rethrow("EVP_MD_CTX_new", t);
            }
        }

        void free(MemorySegment context) {
            try {
                ctxFree.invokeExact(context);
            } catch (Throwable t) {
                throw rethrow("EVP_MD_CTX_free", t);
            }
        }

        void init(MemorySegment context) {
            try {
                check("EVP_DigestInit_ex", (int) digestInit.invokeExact(context, sha256, MemorySegment.NULL));
            } catch (Throwable t) {
                throw rethrow("EVP_DigestInit_ex", t);
            }
        }

        void update(MemorySegment context, MemorySegment data, long length) {
            try {
                check("EVP_DigestUpdate", (int) digestUpdate.invokeExact(context, data, length));
            } catch (Throwable t) {
                throw rethrow("EVP_DigestUpdate", t);
            }
        }

        void updateHeap(MemorySegment context, MemorySegment data, long length) {
            try {
                check("EVP_DigestUpdate", (int) digestUpdateCritical.invokeExact(context, data, length));
            } catch (Throwable t) {
                throw rethrow("EVP_DigestUpdate", t);
            }
        }

        void finish(MemorySegment context, MemorySegment out) {
            try {
                check("EVP_DigestFinal_ex", (int) digestFinal.invokeExact(context, out, MemorySegment.NULL));
            } catch (Throwable t) {
                throw rethrow("EVP_DigestFinal_ex", t);
            }
        }

        void copy(MemorySegment target, MemorySegment source) {
            try {
                check("EVP_MD_CTX_copy_ex", (int) ctxCopy.invokeExact(target, source));
            } catch (Throwable t) {
                throw rethrow("EVP_MD_CTX_copy_ex", t);
            }
        }

        private static void check(String function, int rc) {
            if (rc != 1) {
                throw new IllegalStateException(function + " failed");
            }
        }

        private static RuntimeException rethrow(String function, Throwable t) {
            return t instanceof RuntimeException e ? e : new IllegalStateException(function + " failed", t);
        }
    }
}

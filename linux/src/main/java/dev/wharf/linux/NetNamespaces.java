package dev.wharf.linux;

import static dev.wharf.linux.Native.INT;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Network namespaces that outlive any process: made by unshare(CLONE_NEWNET) on a throw-away
 * platform thread (a netns belongs to a thread, so the JVM's other threads stay in the host's) and
 * kept alive by a bind mount of that thread's {@code ns/net} onto a file, as {@code ip netns add} does.
 * That thread also brings {@code lo} up, which is all the CNI loopback plugin would do, without a process.
 */
public final class NetNamespaces {
    private static final int CLONE_NEWNET = 0x40000000;
    private static final MethodHandle UNSHARE = Native.bind("unshare", FunctionDescriptor.of(INT, INT));

    private NetNamespaces() {}

    /** Creates a new network namespace with {@code lo} up, pinned at {@code file} (which must not exist yet). */
    public static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.createFile(file);
        var done = new CompletableFuture<Void>();
        // The thread ends right after: its OS thread, now in the new netns, is never reused.
        Thread.ofPlatform().name("netns-create").start(() -> {
            try {
                Native.call("unshare", "CLONE_NEWNET", (arena, errno) -> (int) UNSHARE.invokeExact(errno, CLONE_NEWNET));
                try (NetInterfaces interfaces = new NetInterfaces()) {
                    interfaces.setUp("lo", true);
                }
                Syscalls.mount("/proc/thread-self/ns/net", file, null, Syscalls.MS_BIND, null);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            done.get();
        } catch (ExecutionException e) {
            Files.deleteIfExists(file);
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating " + file, e);
        }
    }

    /** Unpins and deletes the namespace file; the namespace dies with its last user. Idempotent. */
    public static void remove(Path file) throws IOException {
        try {
            Syscalls.unmount(file, Syscalls.MNT_DETACH);
        } catch (ErrnoException e) {
            if (e.errno() != ErrnoException.EINVAL && e.errno() != ErrnoException.ENOENT) {
                throw e;
            }
        }
        try {
            Files.delete(file);
        } catch (NoSuchFileException gone) {
            // already removed
        }
    }
}

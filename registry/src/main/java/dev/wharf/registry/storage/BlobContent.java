package dev.wharf.registry.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * An open blob to send. Sealed so the HTTP layer can pick the fastest way per kind: a local file goes
 * out with sendfile (zero copy); an object-store backend would add a streaming kind.
 */
public sealed interface BlobContent extends AutoCloseable {
    long size();

    @Override
    void close() throws IOException;

    /** A blob in a local file, opened (so a concurrent garbage collection cannot pull it away mid-send). */
    record LocalFile(FileChannel channel, long size) implements BlobContent {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}

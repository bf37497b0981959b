package dev.wharf.registry.storage.fs;

import dev.wharf.registry.storage.RegistryStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The filesystem backend. Layout under the root (one file system, so renames are atomic):
 * {@code blobs/<alg>/<hex>} content; {@code uploads/<id>/} sessions; {@code repositories/<name>/} links,
 * manifests, tags and referrers; {@code tmp/} half-written small files.
 */
public final class FileSystemStorage {
    private FileSystemStorage() {}

    public static RegistryStorage open(Path root) throws IOException {
        Path tmp = root.resolve("tmp");
        Files.createDirectories(tmp);
        SmallFiles files = new SmallFiles(tmp);
        files.removeLeftovers();
        FsBlobStorage blobs = new FsBlobStorage(root.resolve("blobs"), files);
        return new RegistryStorage(blobs, new FsUploadStorage(root.resolve("uploads"), blobs),
                new FsManifestStorage(root.resolve("repositories"), files));
    }
}

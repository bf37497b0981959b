package dev.wharf.engine.volumes;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * The bytes under a directory as moby's {@code directory.Size} counts them: every entry but directories,
 * by its own (lstat) size, a hard-linked file once; symlinks are never followed.
 */
final class DirectorySize {
    private DirectorySize() {}

    static long of(Path dir) {
        Set<Object> inodes = new HashSet<>();
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!attributes.isDirectory() && attributes.size() > 0 && inodes.add(attributes.fileKey())) {
                        total[0] += attributes.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // removed while we walked, or unreadable: not counted
                }
            });
        } catch (IOException e) {
            return 0;
        }
        return total[0];
    }
}

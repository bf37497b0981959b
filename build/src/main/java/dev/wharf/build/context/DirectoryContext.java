package dev.wharf.build.context;

import dev.wharf.image.Digest;
import dev.wharf.runtime.ScopedPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Sources in a directory on disk: the rootfs of a stage or an image for {@code COPY --from}. */
final class DirectoryContext extends BuildContext {
    private final Path root;

    DirectoryContext(Path root) {
        this.root = root;
    }

    @Override
    Path root() {
        return root;
    }

    @Override
    Optional<Path> lookup(String cleaned) throws IOException {
        Path path = ScopedPath.resolve(root, cleaned);
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? Optional.of(path) : Optional.empty();
    }

    @Override
    List<String> names() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.sorted().map(p -> root.relativize(p).toString()).filter(rel -> !rel.isEmpty()).toList();
        }
    }

    @Override
    public boolean isDirectory(ContextSource source) {
        return Files.isDirectory(source.path());
    }

    @Override
    List<SourceDigest.Item> items(ContextSource source) throws IOException {
        return walk(source.path());
    }

    @Override
    public void materialize(List<ContextSource> sources) {
        // already on disk
    }

    /** The digest's view of a file tree on disk; regular files are read and hashed. */
    static List<SourceDigest.Item> walk(Path top) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(top)) {
            paths = walk.sorted().toList();
        }
        List<SourceDigest.Item> items = new ArrayList<>();
        byte[] buffer = new byte[1 << 16];
        for (Path p : paths) {
            Map<String, Object> attrs = Files.readAttributes(p, "unix:mode,size", LinkOption.NOFOLLOW_LINKS);
            String relative = top.relativize(p).toString();
            int mode = (Integer) attrs.get("mode");
            if (Files.isSymbolicLink(p)) {
                String target = Files.readSymbolicLink(p).toString();
                items.add(new SourceDigest.Item(relative, mode, (Long) attrs.get("size"), target, null));
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                MessageDigest sha = Digest.newSha256();
                try (InputStream in = Files.newInputStream(p)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                    }
                }
                items.add(new SourceDigest.Item(relative, mode, (Long) attrs.get("size"), null, sha.digest()));
            } else {
                items.add(new SourceDigest.Item(relative, mode, 0, null, null)); // a directory's size is the file system's
            }
        }
        return items;
    }
}

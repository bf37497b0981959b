package dev.wharf.build.context;

import dev.wharf.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the cache of a COPY/ADD step compares: names, types, modes, link targets and content hashes of every
 * source file (not mtimes: a touched but unchanged file still hits, as in Docker). A context file's hash is
 * the one taken when the context was unpacked; other files (a stage's, a here-document) are read.
 */
public final class SourceDigest {
    private SourceDigest() {}

    public static Digest of(List<ContextSource> sources, BuildContext context) throws IOException {
        MessageDigest sha = Digest.newSha256();
        MessageDigest file = Digest.newSha256();
        byte[] buffer = new byte[1 << 16];
        for (ContextSource source : sources) {
            update(sha, "source " + source.name());
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(source.path())) {
                paths = walk.sorted().toList();
            }
            for (Path p : paths) {
                Map<String, Object> attrs = Files.readAttributes(p, "unix:mode,uid,gid,size", LinkOption.NOFOLLOW_LINKS);
                update(sha, source.path().relativize(p) + " " + attrs.get("mode") + " " + attrs.get("size"));
                if (Files.isSymbolicLink(p)) {
                    update(sha, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Optional<byte[]> known = context.contentHash(p);
                    if (known.isPresent()) {
                        sha.update(known.get());
                    } else {
                        try (InputStream in = Files.newInputStream(p)) {
                            for (int n; (n = in.read(buffer)) > 0; ) {
                                file.update(buffer, 0, n);
                            }
                        }
                        sha.update(file.digest());
                    }
                }
            }
        }
        return Digest.sha256(sha);
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }
}

package dev.wharf.build.context;

import dev.wharf.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * What the cache of a COPY/ADD step compares: names, types, modes, sizes, link targets and content hashes of
 * every source file (not mtimes: a touched but unchanged file still hits, as in Docker; not a directory's size,
 * which is the file system's). The request's context answers from its index, without reading a file.
 */
public final class SourceDigest {
    private SourceDigest() {}

    /**
     * One file of a source as the digest sees it.
     *
     * @param mode as stat(2) gives it (type and permission bits)
     * @param linkTarget a symlink's target, else null
     * @param sha256 a regular file's content hash, else null
     */
    record Item(String relative, int mode, long size, String linkTarget, byte[] sha256) {}

    public static Digest of(List<ContextSource> sources, BuildContext context) throws IOException {
        MessageDigest sha = Digest.newSha256();
        for (ContextSource source : sources) {
            update(sha, "source " + source.name());
            for (Item item : context.items(source)) {
                update(sha, item.relative() + " " + item.mode() + " " + item.size());
                if (item.linkTarget() != null) {
                    update(sha, "-> " + item.linkTarget());
                } else if (item.sha256() != null) {
                    sha.update(item.sha256());
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

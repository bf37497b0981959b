package dev.wharf.build.context;

import java.time.Instant;

/**
 * One file of a spooled context ({@link ContextIndex}): what its tar header said, where its content lies in
 * the spool file and the content's SHA-256 (taken while spooling). Hard links are files sharing a content.
 *
 * @param mode the permission bits (07777)
 * @param mtime null for a directory the tar only implied
 * @param offset where a file's content starts in the spool file
 * @param size a file's content length, else 0
 * @param linkTarget a symlink's target, else null
 * @param sha256 a file's content hash, else null
 */
public record ContextEntry(Type type, int mode, Instant mtime, long offset, long size, String linkTarget, byte[] sha256) {
    public enum Type {
        FILE(0100000), DIRECTORY(0040000), SYMLINK(0120000);

        private final int bits;

        Type(int bits) {
            this.bits = bits;
        }
    }

    static final ContextEntry IMPLIED_DIRECTORY = new ContextEntry(Type.DIRECTORY, 0755, null, 0, 0, null, null);

    /** The mode as stat(2) gives it: type and permission bits. */
    public int unixMode() {
        return type.bits | mode;
    }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }
}

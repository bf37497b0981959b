package dev.wharf.cli.archive;

/**
 * One side of a {@code cp} (moby's {@code archive.CopyInfo}).
 *
 * @param path the path as the user gave it, made absolute, its trailing {@code /} or {@code /.} kept
 * @param rebaseName the name the copied entry must take in the archive (after following a symlink), or null
 */
public record CopyInfo(String path, boolean exists, boolean isDir, String rebaseName) {}

package dev.wharf.build.exec;

/**
 * Who owns what COPY/ADD writes, and its mode: {@code --chown} resolved in the destination image
 * (root without it), {@code --chmod} as octal or null to keep the source's mode.
 *
 * @param keepSourceOwner ADD of an archive keeps the owners in the archive unless --chown is given
 */
record Ownership(int uid, int gid, Integer mode, boolean keepSourceOwner) {}

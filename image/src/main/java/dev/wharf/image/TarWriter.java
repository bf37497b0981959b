package dev.wharf.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a tar whose bytes depend only on what is added: every entry has the same mtime and
 * owner (0:0 unless given), PAX for long names. The caller adds entries in a deterministic order.
 */
public final class TarWriter implements Closeable {
    private final TarArchiveOutputStream tar;
    private final Date mtime;

    public TarWriter(OutputStream out, Instant mtime) {
        this.tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        this.tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        this.tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        this.mtime = Date.from(mtime);
    }

    public TarWriter directory(String name, int mode) throws IOException {
        return add(entry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, mode), null);
    }

    public TarWriter file(String name, int mode, byte[] content) throws IOException {
        TarArchiveEntry entry = entry(name, TarConstants.LF_NORMAL, mode);
        entry.setSize(content.length);
        return add(entry, content);
    }

    public TarWriter symlink(String name, String target) throws IOException {
        TarArchiveEntry entry = entry(name, TarConstants.LF_SYMLINK, 0777);
        entry.setLinkName(target);
        return add(entry, null);
    }

    public TarWriter hardlink(String name, String target) throws IOException {
        TarArchiveEntry entry = entry(name, TarConstants.LF_LINK, 0644);
        entry.setLinkName(target);
        return add(entry, null);
    }

    public TarWriter characterDevice(String name, int mode, int major, int minor) throws IOException {
        TarArchiveEntry entry = entry(name, TarConstants.LF_CHR, mode);
        entry.setDevMajor(major);
        entry.setDevMinor(minor);
        return add(entry, null);
    }

    public TarWriter fifo(String name, int mode) throws IOException {
        return add(entry(name, TarConstants.LF_FIFO, mode), null);
    }

    /** Adds a prepared entry (for owners, xattrs or types the shortcuts do not cover). */
    public TarWriter add(TarArchiveEntry entry, byte[] content) throws IOException {
        tar.putArchiveEntry(entry);
        if (content != null) {
            tar.write(content);
        }
        tar.closeArchiveEntry();
        return this;
    }

    /** Adds a prepared entry whose body (exactly its size) is streamed, for files too big to hold in memory. */
    public TarWriter addStreamed(TarArchiveEntry entry, java.io.InputStream body) throws IOException {
        tar.putArchiveEntry(entry);
        body.transferTo(tar);
        tar.closeArchiveEntry();
        return this;
    }

    /** An entry of the given type with this writer's mtime and owner 0:0; the name is kept exactly as given. */
    public TarArchiveEntry entry(String name, byte type, int mode) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setMode(mode);
        entry.setModTime(mtime);
        entry.setIds(0, 0);
        entry.setNames("", "");
        return entry;
    }

    /** Writes the end-of-archive marker; the underlying stream stays open. */
    public void finish() throws IOException {
        tar.finish();
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}

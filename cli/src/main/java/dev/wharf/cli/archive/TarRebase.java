package dev.wharf.cli.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** moby's {@code RebaseArchiveEntries}: entries named {@code oldBase…} become {@code newBase…}, streamed. */
public final class TarRebase {
    private TarRebase() {}

    public static InputStream rebase(InputStream tar, String oldBase, String newBase) throws IOException {
        if (oldBase.equals(newBase)) {
            return tar;
        }
        var in = new PipedInputStream(1 << 16);
        var out = new PipedOutputStream(in);
        Thread.ofVirtual().start(() -> {
            try (tar; out; var reader = new TarArchiveInputStream(tar, StandardCharsets.UTF_8.name());
                    var writer = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name())) {
                writer.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                writer.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                TarArchiveEntry entry;
                while ((entry = reader.getNextEntry()) != null) {
                    entry.setName(replaceFirst(entry.getName(), oldBase, newBase));
                    if (entry.isLink()) {
                        entry.setLinkName(replaceFirst(entry.getLinkName(), oldBase, newBase));
                    }
                    writer.putArchiveEntry(entry);
                    reader.transferTo(writer);
                    writer.closeArchiveEntry();
                }
                writer.finish();
            } catch (IOException e) {
                // The reader sees the pipe break and reports the failure.
            }
        });
        return in;
    }

    /** Go's {@code strings.Replace(s, old, new, 1)}. */
    private static String replaceFirst(String name, String oldBase, String newBase) {
        int at = name.indexOf(oldBase);
        return at < 0 ? name : name.substring(0, at) + newBase + name.substring(at + oldBase.length());
    }
}

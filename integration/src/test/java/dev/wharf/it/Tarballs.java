package dev.wharf.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Small tar archives made in memory for import tests. */
final class Tarballs {
    record Entry(TarArchiveEntry header, byte[] data) {}

    private Tarballs() {}

    static Entry file(String name, byte[] data, int mode) {
        TarArchiveEntry header = new TarArchiveEntry(name, true);
        header.setSize(data.length);
        header.setMode(mode);
        return new Entry(header, data);
    }

    static Entry file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    static Entry directory(String name) {
        return new Entry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true), new byte[0]);
    }

    static Entry symlink(String name, String target) {
        TarArchiveEntry header = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK, true);
        header.setLinkName(target);
        return new Entry(header, new byte[0]);
    }

    /** A minimal rootfs: the host's static busybox as /bin/sh, and echo linked to it. */
    static byte[] shellRootfs() throws IOException {
        return tar(directory("bin"), file("bin/sh", Files.readAllBytes(Path.of("/bin/busybox")), 0755),
                symlink("bin/echo", "sh"));
    }

    static byte[] tar(Entry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry entry : entries) {
                out.putArchiveEntry(entry.header());
                out.write(entry.data());
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}

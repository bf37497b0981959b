package dev.wharf.runtime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** A minimal rootfs: the host's static busybox with its applets linked in /bin, plus passwd and group. */
public final class BusyboxRootfs {
    private static final List<String> APPLETS = List.of(
            "sh", "echo", "cat", "ls", "sleep", "hostname", "stty", "id", "true", "false", "env", "ps");

    private BusyboxRootfs() {}

    public static Path create(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
        Files.setPosixFilePermissions(bin.resolve("busybox"), PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String applet : APPLETS) {
            Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
        }
        for (String sub : List.of("etc", "proc", "sys", "dev", "tmp", "root")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.writeString(dir.resolve("etc/passwd"), """
                root:x:0:0:root:/root:/bin/sh
                daemon:x:1:1:daemon:/usr/sbin:/bin/false
                nobody:x:65534:65534:nobody:/nonexistent:/bin/false
                app:x:1000:1000:app:/home/app:/bin/sh
                """);
        Files.writeString(dir.resolve("etc/group"), """
                root:x:0:
                daemon:x:1:
                wheel:x:10:root,app
                audio:x:29:app
                nogroup:x:65534:
                app:x:1000:
                """);
        return dir;
    }
}

package dev.wharf.runtime.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Device nodes of the host, read with stat (st_rdev, st_mode), for {@code --device} and {@code --privileged}. */
final class HostDevices {
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    /** Mounted fresh in every container, or the host's own business, as in moby's HostDevices. */
    private static final Set<String> SKIPPED = Set.of("/dev/pts", "/dev/shm", "/dev/mqueue", "/dev/.lxc", "/dev/.udev");

    private HostDevices() {}

    /**
     * The node at {@code hostPath}, to appear at {@code containerPath}.
     *
     * @throws IllegalArgumentException when it is not a character or block device, with Docker's message
     */
    static OciDevice device(Path hostPath, String containerPath) {
        try {
            var attributes = Files.readAttributes(hostPath, "unix:mode,rdev,uid,gid");
            int mode = (Integer) attributes.get("mode");
            String type = switch (mode & S_IFMT) {
                case S_IFCHR -> "c";
                case S_IFBLK -> "b";
                default -> throw new IllegalArgumentException("error gathering device information while adding custom device \""
                        + hostPath + "\": not a device node");
            };
            long rdev = (Long) attributes.get("rdev");
            long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
            long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
            return new OciDevice(containerPath, type, major, minor & 0xffffffffL, mode & 07777,
                    (Integer) attributes.get("uid"), (Integer) attributes.get("gid"));
        } catch (IOException e) {
            throw new IllegalArgumentException("error gathering device information while adding custom device \""
                    + hostPath + "\": no such file or directory");
        }
    }

    /** Every device node under /dev, for a privileged container. */
    static List<OciDevice> all() {
        List<OciDevice> devices = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(Path.of("/dev"))) {
            paths.filter(path -> SKIPPED.stream().noneMatch(path.toString()::startsWith))
                    .filter(path -> !Files.isSymbolicLink(path) && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
                    .forEach(path -> {
                        try {
                            devices.add(device(path, path.toString()));
                        } catch (IllegalArgumentException notADevice) {
                            // sockets, fifos, regular files
                        }
                    });
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            // a device vanished while we walked: the rest still counts
        }
        return devices;
    }
}

package dev.wharf.image;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * The built-in {@code busybox:latest}, made from the host's static busybox so that Wharf runs
 * containers without a registry. The layer is reproducible (fixed mtime, fixed order, owner 0:0),
 * so the same binary always yields the same image ID.
 */
public final class BusyboxImage {
    public static final ImageReference REFERENCE = ImageReference.parse("busybox:latest");
    public static final Path DEFAULT_BINARY = Path.of("/bin/busybox");
    /** Every timestamp in the image; any constant works, this one reads as "built-in". */
    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    static final List<String> ENV = List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

    private static final List<String> DIRECTORIES = List.of("bin", "dev", "etc", "home", "proc", "root", "sys",
            "tmp", "usr", "var");
    private static final String PASSWD = """
            root:x:0:0:root:/root:/bin/sh
            daemon:x:1:1:daemon:/usr/sbin:/bin/false
            bin:x:2:2:bin:/bin:/bin/false
            sys:x:3:3:sys:/dev:/bin/false
            nobody:x:65534:65534:nobody:/home:/bin/false
            """;
    private static final String GROUP = """
            root:x:0:
            daemon:x:1:
            bin:x:2:
            sys:x:3:
            tty:x:5:
            nogroup:x:65534:
            """;

    private BusyboxImage() {}

    /** Builds the image, stores its layer, config and manifest, and tags it {@code busybox:latest}. */
    public static Image create(BlobStore blobs, ImageStore images, Path busyboxBinary) throws IOException {
        byte[] layer = layer(busyboxBinary);
        Digest diffId = blobs.ingest(new ByteArrayInputStream(layer), Digest.sha256(layer), layer.length);
        Image image = images.create(config(diffId), List.of(Descriptor.of(MediaTypes.OCI_LAYER_TAR, diffId, layer.length)));
        images.tag(REFERENCE, image.id());
        return image;
    }

    /** The uncompressed layer tar; hardlinks, as in Docker's busybox image, come after {@code bin/busybox}. */
    static byte[] layer(Path busyboxBinary) throws IOException {
        byte[] binary = Files.readAllBytes(busyboxBinary);
        ByteArrayOutputStream out = new ByteArrayOutputStream(binary.length + 65536);
        try (TarWriter tar = new TarWriter(out, EPOCH)) {
            for (String dir : DIRECTORIES) {
                tar.directory(dir, switch (dir) {
                    case "tmp" -> 01777;
                    case "root" -> 0700;
                    default -> 0755;
                });
            }
            tar.file("bin/busybox", 0755, binary);
            for (String applet : applets(busyboxBinary)) {
                tar.hardlink("bin/" + applet, "bin/busybox");
            }
            tar.file("etc/group", 0644, GROUP.getBytes(StandardCharsets.UTF_8));
            tar.file("etc/passwd", 0644, PASSWD.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static ImageConfig config(Digest diffId) {
        ContainerConfig container = ContainerConfig.builder().env(ENV).cmd(List.of("sh")).build();
        List<History> history = List.of(
                new History(EPOCH.toString(), "ADD busybox-static in / # wharf built-in", null, null, null),
                new History(EPOCH.toString(), "CMD [\"sh\"]", null, null, true));
        return new ImageConfig(EPOCH.toString(), null, Platform.host().architecture(), "linux", null, container,
                RootFs.layers(List.of(diffId)), history);
    }

    /** The applet names {@code busybox --list} prints, sorted, without busybox itself. */
    static List<String> applets(Path busyboxBinary) throws IOException {
        Process process = new ProcessBuilder(busyboxBinary.toString(), "--list")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException(busyboxBinary + " --list failed with exit code " + process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing busybox applets", e);
        }
        TreeSet<String> names = new TreeSet<>();
        for (String line : output.split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.contains("/") && !name.equals("busybox") && !name.startsWith(".")) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }
}

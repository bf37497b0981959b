package dev.wharf.runtime.conmon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.image.Digest;
import dev.wharf.image.TarLayerApplier;
import dev.wharf.image.TarWriter;
import dev.wharf.runtime.ContainerSpec;
import dev.wharf.runtime.ContainerSpec.ProcessUser;
import dev.wharf.runtime.log.K8sFileLog;
import dev.wharf.runtime.overlay.OverlaySnapshotter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The walking skeleton's path: layer tar → snapshotter → overlay rootfs → conmon/runc container. */
@Timeout(60)
class OverlayContainerTest {
    @TempDir
    Path tmp;

    @Test
    void runsAContainerOnAnOverlayRootfs() throws Exception {
        String cgroupParent = "/wharf-test-" + UUID.randomUUID().toString().substring(0, 8);
        var snapshotter = new OverlaySnapshotter(tmp.resolve("overlay"), new TarLayerApplier());
        byte[] base = busyboxLayer();
        Digest diffId = Digest.sha256(base);
        snapshotter.unpackLayer(diffId, new ByteArrayInputStream(base));
        Path rootfs = snapshotter.mountRootfs("ovl", List.of(diffId));

        try (var runtime = new ConmonRuntime(tmp.resolve("exec"), ConmonRuntime.DEFAULT_RUNC,
                ConmonRuntime.DEFAULT_CONMON, cgroupParent)) {
            Path log = tmp.resolve("ovl.log");
            var spec = new ContainerSpec("ovl", rootfs, List.of("sh", "-c", "echo changed > /etc/motd; cat /etc/motd"),
                    List.of("PATH=/bin"), "/", ProcessUser.ROOT, "ovl", false, false, false, Map.of(), Map.of(), log);
            runtime.create(spec);
            try {
                runtime.start("ovl");
                assertThat(runtime.awaitExit("ovl").get(20, TimeUnit.SECONDS)).isZero();
            } finally {
                runtime.delete("ovl");
            }
            assertThat(new String(new K8sFileLog(log).readAll().getFirst().data(), StandardCharsets.UTF_8)).isEqualTo("changed\n");
        } finally {
            snapshotter.unmountRootfs("ovl");
            RuntimeLeaks.removeCgroupParent(cgroupParent);
        }
        assertThat(snapshotter.upperDir("ovl").resolve("etc/motd")).hasContent("changed");
        snapshotter.remove("ovl");
        assertThat(RuntimeLeaks.mountsUnder(tmp)).isEmpty();
    }

    private static byte[] busyboxLayer() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var tar = new TarWriter(out, Instant.EPOCH)) {
            tar.directory("bin/", 0755).directory("etc/", 0755).directory("proc/", 0755)
                    .directory("sys/", 0755).directory("dev/", 0755)
                    .file("bin/busybox", 0755, Files.readAllBytes(Path.of("/bin/busybox")))
                    .symlink("bin/sh", "busybox").symlink("bin/cat", "busybox").symlink("bin/echo", "busybox")
                    .file("etc/motd", 0644, "original\n".getBytes(StandardCharsets.UTF_8));
            tar.finish();
        }
        return out.toByteArray();
    }
}

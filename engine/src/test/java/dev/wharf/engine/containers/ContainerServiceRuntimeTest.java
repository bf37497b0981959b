package dev.wharf.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.types.ContainerCreateRequest;
import dev.wharf.api.types.HostConfig;
import dev.wharf.engine.DaemonPaths;
import dev.wharf.engine.errors.ConflictException;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.NotFoundException;
import dev.wharf.engine.events.EventBus;
import dev.wharf.engine.filters.Filters;
import dev.wharf.engine.volumes.ContainerMounts;
import dev.wharf.engine.volumes.VolumeService;
import dev.wharf.runtime.volume.LocalVolumeStore;
import dev.wharf.image.ContainerConfig;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.FileBlobStore;
import dev.wharf.image.FileImageStore;
import dev.wharf.image.ImageConfig;
import dev.wharf.image.ImageReference;
import dev.wharf.image.MediaTypes;
import dev.wharf.image.RootFs;
import dev.wharf.image.TarLayerApplier;
import dev.wharf.image.TarWriter;
import dev.wharf.runtime.AttachConnection.OutputChunk;
import dev.wharf.runtime.conmon.ConmonRuntime;
import dev.wharf.runtime.log.K8sFileLog;
import dev.wharf.runtime.overlay.OverlaySnapshotter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/** ContainerService against the real overlay snapshotter, conmon and runc (root only). */
@Timeout(120)
@EnabledIf("isRoot")
class ContainerServiceRuntimeTest {
    @TempDir
    Path tmp;

    private final String cgroupParent = "/wharf-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private ConmonRuntime runtime;
    private ContainerService service;

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @BeforeEach
    void setUp() throws IOException {
        var paths = new DaemonPaths(tmp.resolve("data"), tmp.resolve("exec"));
        var blobs = new FileBlobStore(paths.content());
        var images = new FileImageStore(paths.images(), blobs);
        byte[] layer = busyboxLayer();
        Digest layerDigest = blobs.put(layer);
        var config = new ImageConfig("2026-12-01T00:00:00Z", null, "amd64", "linux", null,
                ContainerConfig.builder().env(List.of("PATH=/bin")).cmd(List.of("sh")).build(),
                RootFs.layers(List.of(layerDigest)), List.of());
        var image = images.create(config, List.of(Descriptor.of(MediaTypes.OCI_LAYER_TAR, layerDigest, layer.length)));
        images.tag(ImageReference.parse("busybox:latest"), image.id());
        var snapshotter = new OverlaySnapshotter(paths.overlay(), new TarLayerApplier());
        runtime = new ConmonRuntime(paths.runtime(), ConmonRuntime.DEFAULT_RUNC, ConmonRuntime.DEFAULT_CONMON,
                cgroupParent);
        EventBus bus = (type, action, id, attributes) -> events.add(action + ":" + attributes.getOrDefault("exitCode", ""));
        // These containers need no network: they run with --network none, so no bridge is made.
        var networks = new dev.wharf.engine.networks.NetworkService(paths.networks(),
                dev.wharf.engine.networks.NetworkFlags.defaults(),
                new dev.wharf.network.cni.CniNetworkDriver(paths.networkState(),
                        dev.wharf.network.cni.CniPluginRunner.DEFAULT_PLUGIN_DIR), (type, action, id, attributes) -> { });
        service = new ContainerService(paths, blobs, images, snapshotter, runtime, bus,
                new ContainerMounts(new VolumeService(LocalVolumeStore.open(paths.volumes()), bus), paths.containers()),
                networks);
        service.recover();
    }

    @AfterEach
    void tearDown() throws IOException {
        for (var summary : service.list(true, -1, false, Filters.none())) {
            service.remove(summary.id(), true, false);
        }
        runtime.close();
        assertThat(mountsUnder(tmp)).isEmpty();
        assertThat(processesMentioning(tmp.toString())).isEmpty();
        assertThat(runtimeLeftovers()).isEmpty();
        try (var hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path hierarchy : hierarchies.toList()) {
                Files.deleteIfExists(hierarchy.resolve(cgroupParent.substring(1)));
            }
        }
    }

    @Test
    void runRmRelaysOutputThenRemovesTheContainer() throws Exception {
        String id = create(List.of("echo", "hi"), true, null);
        var output = subscribe(id);
        var removed = service.waitFor(id, "removed");

        service.start(id);

        assertThat(removed.get(30, TimeUnit.SECONDS).exitCode()).isZero();
        assertThat(output.text()).isEqualTo("hi\n");
        assertThatThrownBy(() -> service.get(id)).isInstanceOf(NotFoundException.class);
        assertThat(tmp.resolve("data/containers").resolve(id)).doesNotExist();
        assertThat(events).containsSubsequence("create:", "start:", "die:0", "destroy:");
    }

    @Test
    void exitCodeStateAndLogsAreRecorded() throws Exception {
        String id = create(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), false, "coded");
        var exit = service.waitFor(id, "next-exit");
        assertThat(service.waitFor(id, "not-running")).isDone(); // created counts as not running

        service.start(id);

        assertThat(exit.get(30, TimeUnit.SECONDS).exitCode()).isEqualTo(3);
        var inspect = service.inspect("coded", false);
        assertThat(inspect.state().status()).isEqualTo("exited");
        assertThat(inspect.state().exitCode()).isEqualTo(3);
        assertThat(inspect.state().finishedAt()).isNotEqualTo(Timestamps.ZERO);
        assertThat(inspect.name()).isEqualTo("/coded");
        assertThat(inspect.path()).isEqualTo("sh");
        var records = new K8sFileLog(Path.of(inspect.logPath())).readAll();
        assertThat(records).extracting(r -> new String(r.data(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("out\n", "err\n");
        var summary = service.list(true, -1, false, Filters.none()).getFirst();
        assertThat(summary.status()).startsWith("Exited (3) ");
        assertThat(summary.names()).containsExactly("/coded");
        assertThat(service.list(false, -1, false, Filters.none())).isEmpty();
        assertThat(mountsUnder(tmp)).isEmpty(); // the rootfs is unmounted after the exit
    }

    @Test
    void aMissingExecutableFailsTheStartAndLeavesNothingRunning() throws Exception {
        String id = create(List.of("nope"), false, null);
        var exit = service.waitFor(id, "next-exit");

        assertThatThrownBy(() -> service.start(id)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("executable file not found")
                .hasMessageStartingWith("failed to create task for container: failed to create shim task: OCI runtime create failed:");

        assertThat(exit.get(5, TimeUnit.SECONDS).exitCode()).isEqualTo(127);
        var state = service.inspect(id, false).state();
        assertThat(state.exitCode()).isEqualTo(127);
        assertThat(state.error()).contains("executable file not found");
        assertThat(mountsUnder(tmp)).isEmpty();
        assertThat(runtimeLeftovers()).isEmpty();
    }

    @Test
    void runningContainersNeedForceAndKillEndsThem() throws Exception {
        String id = create(List.of("sleep", "100"), false, "sleeper");
        service.start(id);
        assertThatThrownBy(() -> service.start(id)).hasMessage("Container already started");
        assertThatThrownBy(() -> service.remove(id, false, false)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("You cannot remove a running container " + id);
        assertThat(service.list(false, -1, false, Filters.none())).hasSize(1)
                .first().satisfies(s -> assertThat(s.status()).startsWith("Up "));

        var exit = service.waitFor(id, "not-running");
        service.kill(id, "KILL");
        assertThat(exit.get(30, TimeUnit.SECONDS).exitCode()).isEqualTo(137);
        // moby's router puts the reference in front of every kill error.
        assertThatThrownBy(() -> service.kill(id, null)).isInstanceOf(ConflictException.class)
                .hasMessage("Cannot kill container: " + id + ": Container " + id + " is not running");

        String other = create(List.of("sleep", "100"), false, null);
        service.start(other);
        service.remove(other, true, false);
        assertThatThrownBy(() -> service.get(other)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void stdinReachesTheProcess() throws Exception {
        var request = new ContainerCreateRequest(dev.wharf.api.types.ContainerConfig.builder().image("busybox").cmd(List.of("cat"))
                .attachStdin(true).openStdin(true).stdinOnce(true).build(), HostConfig.builder().networkMode("none").build(), null);
        String id = service.create(request, null).id();
        var output = subscribe(id);
        var exit = service.waitFor(id, "next-exit");
        service.start(id);

        var connection = service.get(id).output.awaitConnection(5000);
        connection.writeStdin("piped\n".getBytes(StandardCharsets.UTF_8), 0, 6);
        connection.closeStdin();

        assertThat(exit.get(30, TimeUnit.SECONDS).exitCode()).isZero();
        assertThat(output.text()).isEqualTo("piped\n");
    }

    @Test
    void execRunCollectsOutputAndExitCodeAndEndsAtItsTimeout() throws Exception {
        String id = create(List.of("sleep", "100"), false, "probed");
        service.start(id);
        var execs = new ExecService(service, runtime, (type, action, actor, attributes) ->
                events.add(action.replaceFirst(":.*", "") + ":" + attributes.getOrDefault("exitCode", "")));

        var result = execs.run("probed", List.of("sh", "-c", "echo healthy; echo warn >&2; exit 2"),
                java.time.Duration.ofSeconds(30), 4096);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("healthy\n").contains("warn\n");
        assertThat(result.timedOut()).isFalse();
        assertThat(result.truncated()).isFalse();
        awaitEvent("exec_die:2"); // published by the exit watcher, maybe just after run returns
        assertThat(events).containsSubsequence("exec_create:", "exec_start:", "exec_die:2");

        var chatty = execs.run("probed", List.of("sh", "-c", "yes | head -c 10000"), java.time.Duration.ofSeconds(30), 16);
        assertThat(chatty.output()).isEqualTo("y\ny\ny\ny\ny\ny\ny\ny\n");
        assertThat(chatty.truncated()).isTrue();

        var slow = execs.run("probed", List.of("sleep", "60"), java.time.Duration.ofMillis(300), 4096);
        assertThat(slow.timedOut()).isTrue();
        assertThat(slow.exitCode()).isEqualTo(-1);

        service.kill(id, "KILL");
        service.waitFor(id, "not-running").get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> execs.run("probed", List.of("true"), java.time.Duration.ofSeconds(5), 4096))
                .isInstanceOf(ConflictException.class).hasMessage("container " + id + " is not running");
    }

    private void awaitEvent(String event) throws InterruptedException {
        for (int i = 0; i < 300 && !events.contains(event); i++) {
            Thread.sleep(20);
        }
    }

    private String create(List<String> cmd, boolean autoRemove, String name) throws IOException {
        var request = new ContainerCreateRequest(dev.wharf.api.types.ContainerConfig.builder().image("busybox").cmd(cmd).build(),
                HostConfig.builder().autoRemove(autoRemove).networkMode("none").build(), null);
        return service.create(request, name).id();
    }

    private Collected subscribe(String id) {
        var collected = new Collected();
        service.get(id).output.subscribe(collected);
        return collected;
    }

    /** Gathers a run's output and waits for its end. */
    private static final class Collected implements OutputBroadcaster.Subscriber {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

        @Override
        public synchronized void chunk(OutputChunk chunk) {
            bytes.writeBytes(chunk.data());
        }

        @Override
        public void end() {
            ended.countDown();
        }

        String text() throws InterruptedException {
            assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
            synchronized (this) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static byte[] busyboxLayer() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var tar = new TarWriter(out, Instant.EPOCH)) {
            tar.directory("bin/", 0755).directory("etc/", 0755).directory("proc/", 0755)
                    .directory("sys/", 0755).directory("dev/", 0755).directory("tmp/", 01777)
                    .file("bin/busybox", 0755, Files.readAllBytes(Path.of("/bin/busybox")))
                    .file("etc/passwd", 0644, "root:x:0:0:root:/root:/bin/sh\n".getBytes(StandardCharsets.UTF_8))
                    .file("etc/group", 0644, "root:x:0:\n".getBytes(StandardCharsets.UTF_8));
            for (String applet : List.of("sh", "echo", "cat", "sleep", "true")) {
                tar.symlink("bin/" + applet, "busybox");
            }
            tar.finish();
        }
        return out.toByteArray();
    }

    /** Bundles under the exec root and containers in runc's own state dir ({@code runc/}). */
    private List<Path> runtimeLeftovers() throws IOException {
        Path root = tmp.resolve("exec/runtime");
        try (var bundles = Files.list(root); var runc = Files.list(Files.createDirectories(root.resolve("runc")))) {
            return java.util.stream.Stream.concat(
                    bundles.filter(p -> !p.getFileName().toString().equals("runc")), runc).toList();
        }
    }

    private static List<String> mountsUnder(Path dir) throws IOException {
        String prefix = dir.toAbsolutePath().toString();
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(line -> line.split(" ")[4].startsWith(prefix)).toList();
    }

    private static List<String> processesMentioning(String marker) throws IOException {
        try (var procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                                    .contains(marker);
                        } catch (IOException gone) {
                            return false;
                        }
                    }).map(p -> p.getFileName().toString()).toList();
        }
    }
}

package dev.wharf.runtime.conmon;

import dev.wharf.runtime.AttachConnection;
import dev.wharf.runtime.ContainerRuntime;
import dev.wharf.runtime.ContainerSpec;
import dev.wharf.runtime.CreatedContainer;
import dev.wharf.runtime.OciRuntimeException;
import dev.wharf.runtime.ResourceUpdate;
import dev.wharf.runtime.ExecProcess;
import dev.wharf.runtime.ExecSpec;
import dev.wharf.runtime.RuntimeState;
import dev.wharf.runtime.RuntimeState.Status;
import dev.wharf.runtime.spec.RuntimeSpecGenerator;
import dev.wharf.runtime.stats.ResourceUsage;
import dev.wharf.runtime.stats.UsageReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * {@link ContainerRuntime} on conmon + runc. Everything lives on disk under the exec root, so a
 * restarted daemon finds its containers again ({@link #containers()}):
 * <pre>
 * exec-root/runc/                 runc --root (only our containers)
 * exec-root/&lt;id&gt;/config.json      the bundle; conmon adds attach, ctl, winsz
 * exec-root/&lt;id&gt;/pidfile         container init pid (runc)     conmon.pid  monitor pid
 * exec-root/&lt;id&gt;/exits/&lt;id&gt;      exit code (conmon)             persist/oom OOM kill seen
 * exec-root/&lt;id&gt;/exec/&lt;exec&gt;/   one exec: process.json and the same files from its own conmon
 * </pre>
 * conmon is not our child and not in the container's cgroup: containers keep running, logging and
 * recording their exit while the daemon is down.
 */
public final class ConmonRuntime implements ContainerRuntime, AutoCloseable {
    public static final Path DEFAULT_RUNC = Path.of("/usr/sbin/runc");
    public static final Path DEFAULT_CONMON = Path.of("/usr/bin/conmon");
    public static final String DEFAULT_CGROUP_PARENT = "/wharf";
    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MONITOR_EXIT_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern VALID_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    private final Path execRoot;
    private final Runc runc;
    private final ConmonLauncher launcher;
    private final ConmonExecLauncher execLauncher;
    private final RuntimeSpecGenerator specGenerator;
    private final UsageReader usageReader = new UsageReader();
    private final ExitWatcher exitWatcher;

    public ConmonRuntime(Path execRoot) throws IOException {
        this(execRoot, DEFAULT_RUNC, DEFAULT_CONMON, DEFAULT_CGROUP_PARENT);
    }

    /** @param cgroupParent containers get the cgroupfs path {@code <cgroupParent>/<id>} in every hierarchy */
    public ConmonRuntime(Path execRoot, Path runcBinary, Path conmonBinary, String cgroupParent) throws IOException {
        this.execRoot = execRoot.toAbsolutePath();
        Path runcRoot = this.execRoot.resolve("runc");
        Files.createDirectories(runcRoot);
        this.runc = new Runc(runcBinary, runcRoot);
        this.launcher = new ConmonLauncher(conmonBinary, runc, CREATE_TIMEOUT);
        this.execLauncher = new ConmonExecLauncher(conmonBinary, runc, CREATE_TIMEOUT);
        this.specGenerator = new RuntimeSpecGenerator(cgroupParent);
        this.exitWatcher = new ExitWatcher();
    }

    @Override
    public CreatedContainer create(ContainerSpec spec) throws IOException {
        ContainerFiles files = files(spec.id());
        Files.createDirectory(files.dir());
        try {
            Files.createDirectory(files.exitsDir());
            Files.createDirectory(files.persistDir());
            if (spec.logPath() != null && spec.logPath().getParent() != null) {
                Files.createDirectories(spec.logPath().toAbsolutePath().getParent());
            }
            RuntimeSpecGenerator.write(specGenerator.generate(spec), files.config());
            int pid = launcher.create(spec, files);
            return new CreatedContainer(spec.id(), pid);
        } catch (IOException | RuntimeException e) {
            try {
                cleanUp(files);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public void start(String containerId) throws IOException {
        ContainerFiles files = files(containerId);
        ExecFifo.release(runc.execFifo(files.id()), () -> ExitFiles.read(files).isEmpty() && MonitorProcess.isAlive(files));
    }

    @Override
    public void kill(String containerId, int signal) throws IOException {
        runc.kill(containerId, signal);
    }

    @Override
    public void pause(String containerId) throws IOException {
        runc.pause(files(containerId).id());
    }

    @Override
    public void resume(String containerId) throws IOException {
        runc.resume(files(containerId).id());
    }

    @Override
    public void update(String containerId, ResourceUpdate resources) throws IOException {
        runc.update(files(containerId).id(), resources);
    }

    @Override
    public List<Integer> processes(String containerId) throws IOException {
        ContainerFiles files = files(containerId);
        int init = MonitorProcess.readPid(files.pidfile())
                .orElseThrow(() -> new OciRuntimeException("container " + containerId + " has no init process"));
        var pids = new java.util.ArrayList<Integer>(CgroupProcesses.of(init));
        if (pids.remove(Integer.valueOf(init))) {
            pids.addFirst(init);
        }
        return pids;
    }

    @Override
    public ResourceUsage usage(String containerId) throws IOException {
        RuntimeState state = state(containerId);
        return usageReader.sample(specGenerator.cgroupsPath(containerId),
                state.status() == RuntimeState.Status.STOPPED ? 0 : state.pid());
    }

    /**
     * Exit file → stopped (with its code); a live monitor → created or running; otherwise conmon is
     * gone without a record and {@code runc state} is all we have (no exit code). No bundle means
     * nothing at all: it is made before runc runs and deleted after {@code runc delete}, so the
     * common check after a removal costs no runc process.
     */
    @Override
    public RuntimeState state(String containerId) throws IOException {
        ContainerFiles files = files(containerId);
        if (!Files.isDirectory(files.dir())) {
            return new RuntimeState(Status.UNKNOWN, 0, OptionalInt.empty(), false);
        }
        boolean oom = Files.exists(files.oomFile());
        int pid = MonitorProcess.readPid(files.pidfile()).orElse(0);
        OptionalInt exit = ExitFiles.read(files);
        if (exit.isEmpty() && MonitorProcess.isAlive(files)) {
            Status status = started(files) ? Status.RUNNING : Status.CREATED;
            return new RuntimeState(status, pid, OptionalInt.empty(), oom);
        }
        exit = ExitFiles.read(files);
        if (exit.isPresent()) {
            return new RuntimeState(Status.STOPPED, pid, exit, oom);
        }
        Optional<Runc.State> runcState = runc.state(containerId);
        Status status = runcState.map(state -> switch (state.status()) {
            case "created" -> Status.CREATED;
            case "running" -> Status.RUNNING;
            case "paused" -> Status.PAUSED;
            case "stopped" -> Status.STOPPED;
            default -> Status.UNKNOWN;
        }).orElse(Status.UNKNOWN);
        return new RuntimeState(status, runcState.map(Runc.State::pid).orElse(pid), OptionalInt.empty(), oom);
    }

    @Override
    public CompletableFuture<Integer> awaitExit(String containerId) {
        return exitWatcher.await(files(containerId));
    }

    @Override
    public AttachConnection attach(String containerId) throws IOException {
        return ConmonAttachConnection.connect(files(containerId).attachSocket());
    }

    /**
     * Before start, the size is set on the pty itself (the init's stdin, which runc made the pty):
     * conmon would apply a ctl message asynchronously, possibly after the started process read its
     * size. Once running, the process may have moved its stdin, so conmon's ctl FIFO does it.
     */
    @Override
    public void resize(String containerId, int rows, int cols) throws IOException {
        ContainerFiles files = files(containerId);
        var pid = MonitorProcess.readPid(files.pidfile());
        if (!started(files) && pid.isPresent()) {
            dev.wharf.linux.Terminal.setSize(Path.of("/proc", Integer.toString(pid.getAsInt()), "fd", "0"), rows, cols);
        } else {
            ConmonCtl.resize(files.ctl(), rows, cols);
        }
    }

    @Override
    public void reopenLog(String containerId) throws IOException {
        ConmonCtl.reopenLog(files(containerId).ctl());
    }

    @Override
    public ExecProcess exec(String containerId, ExecSpec spec) throws IOException {
        ContainerFiles container = files(containerId);
        if (!VALID_ID.matcher(spec.execId()).matches()) {
            throw new IllegalArgumentException("invalid exec id: " + spec.execId());
        }
        return execLauncher.start(containerId, spec, container.config(),
                new ContainerFiles(containerId, container.execDir(spec.execId())));
    }

    @Override
    public void delete(String containerId) throws IOException {
        cleanUp(files(containerId));
    }

    /** Containers with a bundle under the exec root. */
    @Override
    public List<String> containers() throws IOException {
        try (var entries = Files.list(execRoot)) {
            return entries.filter(dir -> Files.isRegularFile(dir.resolve(ContainerFiles.CONFIG)))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    /** The exec root passed at construction (tests check it is left empty). */
    public Path execRoot() {
        return execRoot;
    }

    @Override
    public void close() throws IOException {
        exitWatcher.close();
    }

    /** runc's own record of a start: its state directory is there and the exec FIFO is gone ({@link ExecFifo}). */
    private boolean started(ContainerFiles files) {
        Path fifo = runc.execFifo(files.id());
        return Files.isDirectory(fifo.getParent()) && !Files.exists(fifo);
    }

    /** runc delete -f kills what is left; the monitor then records the exit and leaves; then the files go. */
    private void cleanUp(ContainerFiles files) throws IOException {
        runc.forceDelete(files.id());
        awaitMonitorExit(files);
        deleteTree(files.dir());
    }

    private static void awaitMonitorExit(ContainerFiles files) throws IOException {
        long deadline = System.nanoTime() + MONITOR_EXIT_TIMEOUT.toNanos();
        OptionalInt pid;
        // Usually gone already or within a millisecond or two: start polling fast, back off to 20 ms.
        long pauseMillis = 1;
        while ((pid = MonitorProcess.alivePid(files)).isPresent()) {
            if (System.nanoTime() > deadline) {
                ProcessHandle.of(pid.getAsInt()).ifPresent(ProcessHandle::destroyForcibly);
                return;
            }
            try {
                Thread.sleep(pauseMillis);
                pauseMillis = Math.min(20, pauseMillis * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for conmon of " + files.id(), e);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private ContainerFiles files(String containerId) {
        if (containerId == null || !VALID_ID.matcher(containerId).matches() || containerId.equals("runc")) {
            throw new IllegalArgumentException("invalid container id: " + containerId);
        }
        return new ContainerFiles(containerId, execRoot.resolve(containerId));
    }
}

package dev.wharf.engine.containers;

import dev.wharf.api.types.ExecConfig;
import dev.wharf.api.types.ExecInspect;
import dev.wharf.api.types.IdResponse;
import dev.wharf.engine.containers.health.HealthProbe;
import dev.wharf.engine.errors.ConflictException;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.NotFoundException;
import dev.wharf.engine.errors.SystemException;
import dev.wharf.engine.events.EventBus;
import dev.wharf.runtime.AttachConnection.OutputChunk;
import dev.wharf.runtime.ContainerRuntime;
import dev.wharf.runtime.ContainerSpec.ProcessUser;
import dev.wharf.runtime.ExecProcess;
import dev.wharf.runtime.ExecSpec;
import dev.wharf.runtime.OciRuntimeException;
import dev.wharf.runtime.UnknownUserException;
import dev.wharf.runtime.UserResolver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * {@code docker exec}: extra processes in running containers, through {@link ContainerRuntime#exec}.
 * Execs are kept for inspection after they exit and forgotten some minutes later, as moby does. Also
 * the engine's way to run a command in a container and collect its output ({@link #run}, for probes).
 */
public final class ExecService {
    /** moby's exit code for an exec that could not be started. */
    private static final int START_FAILED = 126;
    private static final int EXIT_LOST = 255;
    private static final Duration FORGET_AFTER = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Function<String, Container> containers;
    private final ContainerRuntime runtime;
    private final ContainerEvents events;
    private final Map<String, ExecInstance> execs = new ConcurrentHashMap<>();

    public ExecService(ContainerService containers, ContainerRuntime runtime, EventBus events) {
        this(containers::get, runtime, new ContainerEvents(events));
    }

    /** @param containers finds a container by reference (404 when there is none) */
    ExecService(Function<String, Container> containers, ContainerRuntime runtime, ContainerEvents events) {
        this.containers = containers;
        this.runtime = runtime;
        this.events = events;
    }

    /** POST /containers/{id}/exec: 409 unless the container runs, 400 without a command. */
    public IdResponse create(String containerReference, ExecConfig config) {
        Container container = containers.apply(containerReference);
        if (config == null || config.cmd() == null || config.cmd().isEmpty()) {
            throw new InvalidArgumentException("No exec command specified");
        }
        requireRunning(container);
        forgetOldExecs();
        String id = HexFormat.of().formatHex(randomBytes());
        ExecInstance exec = new ExecInstance(id, container, config);
        execs.put(id, exec);
        container.execIds.add(id);
        events.publish(container.record(), "exec_create: " + exec.commandLine(), Map.of("execID", id));
        return new IdResponse(id);
    }

    public ExecInspect inspect(String execId) {
        return get(execId).inspect();
    }

    ExecInstance get(String execId) {
        ExecInstance exec = execs.get(execId);
        if (exec == null) {
            throw new NotFoundException("No such exec instance: " + execId);
        }
        return exec;
    }

    /** Takes the exec for one start: 409 when it ran or runs already, or its container stopped meanwhile. */
    ExecInstance claim(String execId) {
        ExecInstance exec = get(execId);
        requireRunning(exec.container());
        if (!exec.claimStart()) {
            throw new ConflictException(exec.phase() == ExecInstance.Phase.EXITED
                    ? "Error: Exec command " + execId + " has already run"
                    : "Error: Exec command " + execId + " is already running");
        }
        return exec;
    }

    /**
     * Runs a claimed exec's process and records its exit (exec_die) whenever it comes. A failed start
     * gives the exec moby's exit code (127 not found, else 126) and a SystemException with the words
     * Docker prints.
     */
    ExecProcess start(ExecInstance exec, List<Integer> consoleSize) {
        ContainerRecord record = exec.container().record();
        events.publish(record, "exec_start: " + exec.commandLine(), Map.of("execID", exec.id()));
        try {
            ExecProcess process = runtime.exec(record.id(), spec(exec, record, consoleSize));
            exec.running(process);
            process.exit().whenComplete((code, error) -> exited(exec, error == null ? code : EXIT_LOST));
            return process;
        } catch (OciRuntimeException e) {
            throw failed(exec, "OCI runtime exec failed: " + e.getMessage() + ": unknown", e);
        } catch (IOException | RuntimeException e) {
            throw failed(exec, String.valueOf(e.getMessage()), e);
        }
    }

    /** POST /exec/{id}/resize: waits a little for a start under way, as moby does. */
    public void resize(String execId, int rows, int cols) throws IOException {
        ExecInstance exec = get(execId);
        try {
            exec.started().get(5, TimeUnit.SECONDS).resize(rows, cols);
        } catch (TimeoutException | ExecutionException e) {
            throw new ConflictException("exec " + execId + " is not running");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemException("interrupted", e);
        }
    }

    /**
     * Runs {@code cmd} in the container (as its user, in its working directory), keeping the first
     * {@code outputLimit} bytes of stdout and stderr together; after {@code timeout} the process is
     * killed and the outcome says so. The exec is a normal one: it shows up in events and inspect.
     */
    public HealthProbe.Outcome run(String containerReference, List<String> cmd, Duration timeout, int outputLimit)
            throws IOException {
        ExecConfig config = new ExecConfig("", false, false, null, false, true, true, false, "", null, "", cmd);
        ExecInstance exec = claim(create(containerReference, config).id());
        ExecProcess process = start(exec, null);
        var output = new LimitedOutput(outputLimit);
        Thread reader = ExecStreams.relayThread(exec.id(), () -> {
            for (OutputChunk chunk = process.attach().read(); chunk != null; chunk = process.attach().read()) {
                output.write(chunk.data());
            }
        });
        try {
            int code = process.exit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            reader.join(Duration.ofSeconds(5));
            return output.outcome(code, false);
        } catch (TimeoutException e) {
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
            return output.outcome(-1, true);
        } catch (ExecutionException e) {
            return output.outcome(EXIT_LOST, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SystemException("interrupted while running " + cmd, e);
        } finally {
            process.attach().close();
        }
    }

    private ExecSpec spec(ExecInstance exec, ContainerRecord record, List<Integer> consoleSize) throws IOException {
        ExecConfig config = exec.config();
        var containerConfig = record.config();
        String user = config.user() == null || config.user().isEmpty() ? containerConfig.user() : config.user();
        ProcessUser processUser;
        try {
            // The container's own view of its files, whatever is mounted where.
            processUser = UserResolver.resolve(Path.of("/proc", Integer.toString(record.state().pid()), "root"), user);
        } catch (UnknownUserException e) {
            throw new SystemException(e.getMessage(), e);
        }
        String workingDir = config.workingDir() != null && !config.workingDir().isEmpty() ? config.workingDir()
                : containerConfig.workingDir() != null && !containerConfig.workingDir().isEmpty()
                        ? containerConfig.workingDir() : "/";
        List<String> env = ContainerConfigMerger.replaceOrAppend(
                ContainerConfigMerger.processEnv(containerConfig, config.tty()),
                config.env() == null ? List.of() : config.env());
        boolean sized = consoleSize != null && consoleSize.size() == 2;
        return new ExecSpec(exec.id(), config.cmd(), env, workingDir, processUser, config.tty(), config.attachStdin(),
                config.privileged(), sized ? consoleSize.get(0) : 0, sized ? consoleSize.get(1) : 0);
    }

    private SystemException failed(ExecInstance exec, String message, Throwable cause) {
        StartErrors.Failure failure = StartErrors.fromDaemon(message);
        int code = failure.exitCode() == StartErrors.NOT_FOUND ? StartErrors.NOT_FOUND : START_FAILED;
        exec.exited(code);
        exec.container().execIds.remove(exec.id());
        return new SystemException(failure.message(), cause);
    }

    /** Recorded before the exec's exit future completes, so whoever waits on it sees the whole outcome. */
    private void exited(ExecInstance exec, int code) {
        exec.container().execIds.remove(exec.id());
        events.publish(exec.container().record(), "exec_die",
                Map.of("execID", exec.id(), "exitCode", Integer.toString(code)));
        exec.exited(code);
    }

    private void forgetOldExecs() {
        Instant cutoff = Instant.now().minus(FORGET_AFTER);
        execs.values().removeIf(exec -> exec.exitedBefore(cutoff));
    }

    private static void requireRunning(Container container) {
        if (!container.record().state().running()) {
            throw new ConflictException("container " + container.id() + " is not running");
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The first bytes of an exec's output; the rest is read and dropped. */
    private static final class LimitedOutput {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int limit;
        private boolean truncated;

        LimitedOutput(int limit) {
            this.limit = limit;
        }

        synchronized void write(byte[] data) {
            int room = Math.min(limit - kept.size(), data.length);
            kept.write(data, 0, Math.max(room, 0));
            truncated |= room < data.length;
        }

        synchronized HealthProbe.Outcome outcome(int exitCode, boolean timedOut) {
            return new HealthProbe.Outcome(exitCode, kept.toString(StandardCharsets.UTF_8), truncated, timedOut);
        }
    }
}

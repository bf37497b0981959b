package dev.wharf.engine.containers;

import dev.wharf.api.types.ExecConfig;
import dev.wharf.api.types.ExecInspect;
import dev.wharf.runtime.ExecProcess;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One exec: its configuration, then its process, then its exit code. Thread-safe. */
final class ExecInstance {
    enum Phase { CREATED, RUNNING, EXITED }

    private final String id;
    private final Container container;
    private final ExecConfig config;
    /** Completes with the process once it runs (a resize may arrive before), or fails with the start. */
    private final CompletableFuture<ExecProcess> started = new CompletableFuture<>();
    /** Completes with the exit code once it is recorded. */
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private Phase phase = Phase.CREATED;
    private int pid;
    private Integer exitCode;
    private Instant exitedAt;

    ExecInstance(String id, Container container, ExecConfig config) {
        this.id = id;
        this.container = container;
        this.config = config;
    }

    String id() {
        return id;
    }

    Container container() {
        return container;
    }

    ExecConfig config() {
        return config;
    }

    CompletableFuture<ExecProcess> started() {
        return started;
    }

    CompletableFuture<Integer> exit() {
        return exit;
    }

    /** Claims the start: false when it was started before. */
    synchronized boolean claimStart() {
        if (phase != Phase.CREATED || started.isDone()) {
            return false;
        }
        phase = Phase.RUNNING;
        return true;
    }

    synchronized Phase phase() {
        return phase;
    }

    synchronized void running(ExecProcess process) {
        pid = process.pid();
        started.complete(process);
    }

    synchronized void exited(int code) {
        phase = Phase.EXITED;
        exitCode = code;
        exitedAt = Instant.now();
        started.completeExceptionally(new IllegalStateException("exec " + id + " has exited"));
        exit.complete(code);
    }

    /** Whether it exited before {@code cutoff} (old execs are forgotten, as moby's exec store does). */
    synchronized boolean exitedBefore(Instant cutoff) {
        return exitedAt != null && exitedAt.isBefore(cutoff);
    }

    /** "sh -c …": how moby names the command in exec events. */
    String commandLine() {
        return String.join(" ", config.cmd());
    }

    synchronized ExecInspect inspect() {
        List<String> cmd = config.cmd();
        return new ExecInspect(id, phase == Phase.RUNNING, exitCode,
                new ExecInspect.ProcessConfig(config.tty(), cmd.getFirst(), List.copyOf(cmd.subList(1, cmd.size())),
                        config.privileged(), config.user()),
                config.attachStdin(), config.attachStderr(), config.attachStdout(), false, container.id(),
                config.detachKeys() == null ? "" : config.detachKeys(), pid);
    }
}

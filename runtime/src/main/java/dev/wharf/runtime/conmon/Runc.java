package dev.wharf.runtime.conmon;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.runtime.OciRuntimeException;
import dev.wharf.runtime.ResourceUpdate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The runc subcommands the daemon runs itself, always against our own {@code --root}. */
final class Runc {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The parts of {@code runc state} we read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record State(String id, int pid, String status) {}

    private final Path binary;
    private final Path root;

    Runc(Path binary, Path root) {
        this.binary = binary;
        this.root = root;
    }

    Path binary() {
        return binary;
    }

    /** The global option conmon must pass on as {@code --runtime-arg}. */
    String rootOption() {
        return "--root=" + root;
    }

    /** The FIFO a created container's init waits on until it is started ({@link ExecFifo}). */
    Path execFifo(String id) {
        return root.resolve(id).resolve(ExecFifo.NAME);
    }

    void kill(String id, int signal) throws IOException {
        run("kill", id, Integer.toString(signal));
    }

    /** Freezes every process of the container (the freezer cgroup on v1). */
    void pause(String id) throws IOException {
        run("pause", id);
    }

    void resume(String id) throws IOException {
        run("resume", id);
    }

    /** New cgroup limits, as runc update's flags; unset values stay. */
    void update(String id, ResourceUpdate resources) throws IOException {
        var args = new ArrayList<String>();
        args.add("update");
        flag(args, "--memory", resources.memory());
        flag(args, "--memory-reservation", resources.memoryReservation());
        flag(args, "--memory-swap", resources.memorySwap());
        flag(args, "--cpu-share", resources.cpuShares());
        flag(args, "--cpu-quota", resources.cpuQuota());
        flag(args, "--cpu-period", resources.cpuPeriod());
        flag(args, "--cpuset-cpus", resources.cpusetCpus());
        flag(args, "--cpuset-mems", resources.cpusetMems());
        flag(args, "--pids-limit", resources.pidsLimit());
        args.add(id);
        run(args.toArray(String[]::new));
    }

    private static void flag(List<String> args, String name, Object value) {
        if (value != null) {
            args.add(name + "=" + value);
        }
    }

    /** Kills and deletes; a container runc never knew (or already forgot) is not an error. */
    void forceDelete(String id) throws IOException {
        var result = CommandRunner.run(command("delete", "--force", id), TIMEOUT);
        if (!result.ok()) {
            String message = RuncMessages.clean(result.stderr());
            if (!message.contains("does not exist")) {
                throw new OciRuntimeException(message);
            }
        }
    }

    /** Empty when runc does not know the container. */
    Optional<State> state(String id) throws IOException {
        var result = CommandRunner.run(command("state", id), TIMEOUT);
        if (!result.ok()) {
            String message = RuncMessages.clean(result.stderr());
            if (message.contains("does not exist")) {
                return Optional.empty();
            }
            throw new OciRuntimeException(message);
        }
        return Optional.of(JSON.readValue(result.stdout(), State.class));
    }

    /** Container ids in our root (for tests and recovery). */
    List<String> list() throws IOException {
        var result = CommandRunner.run(command("list", "--quiet"), TIMEOUT);
        if (!result.ok()) {
            throw new OciRuntimeException(RuncMessages.clean(result.stderr()));
        }
        return result.stdout().lines().filter(line -> !line.isBlank()).toList();
    }

    private void run(String... args) throws IOException {
        var result = CommandRunner.run(command(args), TIMEOUT);
        if (!result.ok()) {
            throw new OciRuntimeException(RuncMessages.clean(result.stderr()));
        }
    }

    private List<String> command(String... args) {
        var command = new ArrayList<String>();
        command.add(binary.toString());
        command.add(rootOption());
        command.addAll(List.of(args));
        return command;
    }
}

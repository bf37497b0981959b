package dev.wharf.build.exec;

import dev.wharf.build.BuildException;
import dev.wharf.build.BuildNetwork;
import dev.wharf.build.BuildOutput;
import dev.wharf.runtime.AttachConnection;
import dev.wharf.runtime.ContainerRuntime;
import dev.wharf.runtime.ContainerSpec;
import dev.wharf.runtime.ContainerSpec.ProcessUser;
import dev.wharf.runtime.ScopedPath;
import dev.wharf.runtime.UnknownUserException;
import dev.wharf.runtime.UserResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * One RUN: a container on the step's mounted snapshot, through the same runtime as {@code docker run}
 * (conmon + runc) on the build's network ({@link RunNetwork}: joined before, left after), its output streamed as it comes
 * (stderr in Docker's red), the container deleted after.
 */
final class RunStep {
    private static final String RED = "\u001b[91m";
    private static final String RESET = "\u001b[0m";

    private final ContainerRuntime runtime;
    private final Path scratch;
    private final BuildNetwork network;

    RunStep(ContainerRuntime runtime, Path scratch, BuildNetwork network) {
        this.runtime = runtime;
        this.scratch = scratch;
        this.network = network;
    }

    /** Runs {@code argv} to its end; returns the exit code. */
    int run(String id, Path rootfs, List<String> argv, List<String> env, String workingDir, String user,
            BuildOutput out) throws IOException {
        ProcessUser processUser;
        try {
            processUser = UserResolver.resolve(rootfs, user);
        } catch (UnknownUserException e) {
            throw new BuildException(e.getMessage(), e);
        }
        String workdir = workingDir == null || workingDir.isEmpty() ? "/" : workingDir;
        ScopedPath.createDirectories(rootfs, workdir);
        Files.createDirectories(scratch);
        Path log = scratch.resolve(id + ".log");
        try {
            BuildNetwork.Joined joined = network.join(id, scratch);
            ContainerSpec spec = new ContainerSpec(id, rootfs, argv, env, workdir, processUser, id.substring(0, 12),
                    false, false, false, joined.files(), Map.of(), log, List.of(), null, null, joined.namespace(), 0);
            runtime.create(spec);
            try (AttachConnection attach = runtime.attach(id)) {
                Thread reader = Thread.ofPlatform().name("build-output-" + id.substring(0, 12))
                        .start(() -> pump(attach, out));
                runtime.start(id);
                int code = runtime.awaitExit(id).get();
                reader.join();
                return code;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildException("build cancelled", e);
        } catch (ExecutionException e) {
            throw new BuildException("the RUN container was lost: " + e.getCause().getMessage(), e.getCause());
        } finally {
            runtime.delete(id);
            network.leave(id);
            Files.deleteIfExists(log);
        }
    }

    private static void pump(AttachConnection attach, BuildOutput out) {
        try {
            for (AttachConnection.OutputChunk chunk; (chunk = attach.read()) != null; ) {
                String text = new String(chunk.data(), StandardCharsets.UTF_8);
                out.stream(chunk.stream() == AttachConnection.Stream.STDERR ? RED + text + RESET : text);
            }
        } catch (IOException e) {
            // The container went away; its exit code tells the rest.
        }
    }
}

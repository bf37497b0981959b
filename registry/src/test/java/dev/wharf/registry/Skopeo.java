package dev.wharf.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real skopeo, its temporary files kept in the test's directory. */
final class Skopeo {
    private final Path dir;

    Skopeo(Path dir) {
        this.dir = dir;
    }

    String run(String... args) throws IOException, InterruptedException {
        Result result = exec(args);
        assertThat(result.exitCode()).as(result.command() + "\n" + result.output()).isZero();
        return result.output();
    }

    boolean fails(String... args) throws IOException, InterruptedException {
        return exec(args).exitCode() != 0;
    }

    private record Result(String command, int exitCode, String output) {}

    private Result exec(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("skopeo", "--insecure-policy"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TMPDIR", dir.toString());
        builder.environment().put("REGISTRY_AUTH_FILE", dir.resolve("auth.json").toString()); // never the user's logins
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Result(String.join(" ", command), process.exitValue(), output);
    }
}

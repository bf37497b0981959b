package dev.wharf.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real skopeo, its temporary files kept in the test's directory. As root skopeo keeps a blob-info
 * cache in /var/lib/containers/cache; it runs in a private mount namespace where that place is an empty
 * tmpfs (or, when it does not exist, /var/lib is read-only and the cache stays in memory), so the test
 * leaves nothing there and no run sees what an earlier one cached.
 */
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

    static final String ISOLATE_CACHE = "if [ -d /var/lib/containers ]; then mount -t tmpfs tmpfs /var/lib/containers; "
            + "else mount --bind /var/lib /var/lib && mount -o remount,bind,ro /var/lib; fi";

    private record Result(String command, int exitCode, String output) {}

    private Result exec(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                ISOLATE_CACHE + " && exec skopeo --insecure-policy \"$@\"", "skopeo"));
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

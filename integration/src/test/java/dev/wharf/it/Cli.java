package dev.wharf.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a client binary (our bin/wharf or the real docker CLI) against the test daemon. */
final class Cli {
    private static final java.util.concurrent.Executor DRAINERS = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private final List<String> prefix;
    private final Path dockerConfig;
    private final java.util.Map<String, String> env;

    private Cli(List<String> prefix, Path dockerConfig) {
        this(prefix, dockerConfig, java.util.Map.of());
    }

    private Cli(List<String> prefix, Path dockerConfig, java.util.Map<String, String> env) {
        this.prefix = prefix;
        this.dockerConfig = dockerConfig;
        this.env = env;
    }

    static Cli wharf(String host) {
        return new Cli(List.of(TestEnvironment.checkout().resolve("bin/wharf").toString(), "-H", host), null);
    }

    /** Our CLI with its own config.json directory (registry credentials), as DOCKER_CONFIG names it. */
    static Cli wharf(String host, Path configDir) {
        return new Cli(List.of(TestEnvironment.checkout().resolve("bin/wharf").toString(), "-H", host), configDir);
    }

    static Cli docker(String host, Path configDir) {
        return new Cli(List.of("docker", "-H", host), configDir);
    }

    /** Debian's docker-compose 1.29 on one project; exec goes through docker-py, not a spawned docker CLI. */
    static Cli compose(String host, Path configDir, Path composeFile, String project) {
        return new Cli(List.of("docker-compose", "-H", host, "-f", composeFile.toString(), "-p", project), configDir,
                java.util.Map.of("COMPOSE_INTERACTIVE_NO_CLI", "1", "HOME", configDir.toString()));
    }

    CommandResult run(String... args) {
        return runWithInput(null, args);
    }

    CommandResult runWithInput(byte[] stdin, String... args) {
        List<String> command = prefixed(args);
        ProcessBuilder builder = environment(new ProcessBuilder(command));
        try {
            Process process = builder.start();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new CommandResult(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts the command on a pseudo-terminal of 40 rows and 100 columns, for interactive sessions. */
    PtySession inPty(String... args) throws IOException {
        var quoted = new StringBuilder("stty rows 40 cols 100; exec");
        for (String arg : prefixed(args)) {
            quoted.append(" '").append(arg.replace("'", "'\\''")).append('\'');
        }
        ProcessBuilder builder = environment(new ProcessBuilder("script", "-q", "-e", "-c", quoted.toString(), "/dev/null"))
                .redirectErrorStream(true);
        return new PtySession(builder.start());
    }

    /** Starts the command in the background with piped streams (a long-running attach, say). */
    Process start(String... args) throws IOException {
        return environment(new ProcessBuilder(prefixed(args))).redirectErrorStream(true).start();
    }

    private List<String> prefixed(String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(args));
        return command;
    }

    private ProcessBuilder environment(ProcessBuilder builder) {
        if (dockerConfig != null) {
            builder.environment().put("DOCKER_CONFIG", dockerConfig.toString());
            builder.environment().remove("DOCKER_HOST");
        }
        builder.environment().putAll(env);
        return builder;
    }

    /**
     * On a virtual thread each: the common pool may have a single worker, and a long-running command
     * (events, logs -f) would then hold up the output of every command run meanwhile.
     */
    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                stream.transferTo(bytes);
                return bytes.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, DRAINERS);
    }
}

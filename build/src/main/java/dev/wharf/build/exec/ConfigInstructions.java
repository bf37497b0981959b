package dev.wharf.build.exec;

import dev.wharf.build.BuildException;
import dev.wharf.build.dockerfile.Command;
import dev.wharf.build.dockerfile.Instruction;
import dev.wharf.build.dockerfile.KeyValue;
import dev.wharf.build.expand.ShellLexer;
import dev.wharf.build.expand.Variables;
import dev.wharf.build.image.RunConfig;
import dev.wharf.image.EmptyObject;
import dev.wharf.image.GoDuration;
import dev.wharf.image.HealthConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The instructions that only change the image config, as dockerd's dispatchers do, with the history
 * comment each writes. Variables are expanded where Docker expands them.
 */
final class ConfigInstructions {
    private final ShellLexer lexer;

    ConfigInstructions(ShellLexer lexer) {
        this.lexer = lexer;
    }

    ConfigChange env(RunConfig config, Instruction.Env env, Variables vars) throws IOException {
        List<String> result = new ArrayList<>(config.envOrEmpty());
        StringBuilder comment = new StringBuilder("ENV");
        Variables scope = vars;
        for (KeyValue pair : env.pairs()) {
            String key = lexer.processWord(pair.key(), scope);
            String value = lexer.processWord(pair.value(), scope);
            comment.append(' ').append(key).append('=').append(value);
            result.removeIf(e -> e.equals(key) || e.startsWith(key + "="));
            result.add(key + "=" + value);
            scope = scope.with(Map.of(key, value));
        }
        return new ConfigChange(config.withEnv(List.copyOf(result)), comment.toString());
    }

    ConfigChange label(RunConfig config, List<KeyValue> pairs, Variables vars) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>(config.labels() == null ? Map.of() : config.labels());
        StringBuilder comment = new StringBuilder("LABEL");
        for (KeyValue pair : pairs) {
            String key = lexer.processWord(pair.key(), vars);
            String value = lexer.processWord(pair.value(), vars);
            labels.put(key, value);
            comment.append(' ').append(key).append('=').append(value);
        }
        return new ConfigChange(config.withLabels(new TreeMap<>(labels)), comment.toString());
    }

    ConfigChange cmd(RunConfig config, Instruction.Cmd cmd) {
        List<String> argv = cmd.command().argv(config.shellOrDefault());
        return new ConfigChange(config.withCmd(argv), "CMD " + GoFormat.quoted(argv));
    }

    /** ENTRYPOINT resets a CMD inherited from the base image (not one set earlier in this stage). */
    ConfigChange entrypoint(RunConfig config, Instruction.Entrypoint entrypoint, boolean cmdSetInStage) {
        List<String> argv = entrypoint.command().argv(config.shellOrDefault());
        RunConfig next = config.withEntrypoint(argv);
        if (!cmdSetInStage) {
            next = next.withCmd(null);
        }
        return new ConfigChange(next, "ENTRYPOINT " + GoFormat.quoted(argv));
    }

    ConfigChange expose(RunConfig config, Instruction.Expose expose, Variables vars) throws IOException {
        Map<String, EmptyObject> ports = new TreeMap<>(config.exposedPorts() == null ? Map.of() : config.exposedPorts());
        List<String> words = new ArrayList<>();
        for (String raw : expose.ports()) {
            words.addAll(lexer.processWords(raw, vars));
        }
        for (String word : words) {
            for (String port : ports(word)) {
                ports.put(port, EmptyObject.INSTANCE);
            }
        }
        return new ConfigChange(config.withExposedPorts(ports), "EXPOSE " + String.join(" ", words));
    }

    /** {@code 80}, {@code 80/udp}, {@code 8000-8002/tcp} as Docker's nat.ParsePortSpecs. */
    private static List<String> ports(String spec) throws BuildException {
        String proto = "tcp";
        String range = spec;
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            proto = spec.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
            range = spec.substring(0, slash);
        }
        String[] bounds = range.split("-", 2);
        try {
            int start = Integer.parseInt(bounds[0]);
            int end = bounds.length > 1 ? Integer.parseInt(bounds[1]) : start;
            if (start < 0 || end > 65535 || end < start) {
                throw new NumberFormatException();
            }
            List<String> result = new ArrayList<>();
            for (int p = start; p <= end; p++) {
                result.add(p + "/" + proto);
            }
            return result;
        } catch (NumberFormatException e) {
            throw new BuildException("invalid containerPort: " + range);
        }
    }

    ConfigChange volume(RunConfig config, Instruction.Volume volume, Variables vars) throws IOException {
        Map<String, EmptyObject> volumes = new TreeMap<>(config.volumes() == null ? Map.of() : config.volumes());
        List<String> paths = new ArrayList<>();
        for (String raw : volume.paths()) {
            String path = lexer.processWord(raw, vars).strip();
            if (path.isEmpty()) {
                throw new BuildException("VOLUME specified can not be an empty string");
            }
            paths.add(path);
            volumes.put(path, EmptyObject.INSTANCE);
        }
        return new ConfigChange(config.withVolumes(volumes), "VOLUME " + GoFormat.plain(paths));
    }

    ConfigChange user(RunConfig config, Instruction.User user, Variables vars) throws IOException {
        String value = lexer.processWord(user.user(), vars);
        return new ConfigChange(config.withUser(value), "USER " + value);
    }

    ConfigChange shell(RunConfig config, Instruction.Shell shell) {
        return new ConfigChange(config.withShell(shell.shell()), "SHELL " + GoFormat.plain(shell.shell()));
    }

    ConfigChange stopSignal(RunConfig config, Instruction.StopSignal signal, Variables vars) throws IOException {
        String value = lexer.processWord(signal.signal(), vars);
        return new ConfigChange(config.withStopSignal(value), "STOPSIGNAL " + value);
    }

    ConfigChange healthcheck(RunConfig config, Instruction.Healthcheck check) throws IOException {
        if (check.test() == null) {
            HealthConfig none = new HealthConfig(List.of("NONE"), null, null, null, null, null);
            return new ConfigChange(config.withHealthcheck(none), "HEALTHCHECK " + describe(none));
        }
        List<String> test = new ArrayList<>();
        switch (check.test()) {
            case Command.ShellForm s -> {
                test.add("CMD-SHELL");
                test.add(s.script());
            }
            case Command.ExecForm e -> {
                test.add("CMD");
                test.addAll(e.args());
            }
        }
        Long interval = duration(check, "interval");
        Long timeout = duration(check, "timeout");
        Long startPeriod = duration(check, "start-period");
        Long startInterval = duration(check, "start-interval");
        Integer retries = null;
        String retriesFlag = check.flags().get("retries");
        if (retriesFlag != null) {
            try {
                retries = Integer.parseInt(retriesFlag);
            } catch (NumberFormatException e) {
                throw new BuildException("invalid argument \"" + retriesFlag + "\" for \"--retries\" flag");
            }
            if (retries < 0) {
                throw new BuildException("--retries cannot be negative (" + retries + ")");
            }
        }
        HealthConfig health = new HealthConfig(List.copyOf(test), interval, timeout, startPeriod, startInterval,
                retries);
        return new ConfigChange(config.withHealthcheck(health), "HEALTHCHECK " + describe(health));
    }

    private static Long duration(Instruction.Healthcheck check, String flag) throws BuildException {
        String value = check.flags().get(flag);
        if (value == null) {
            return null;
        }
        long nanos = GoDuration.parse(value).orElseThrow(() -> new BuildException("invalid argument \"" + value
                + "\" for \"--" + flag + "\" flag: time: invalid duration \"" + value + "\"")).toNanos();
        if (nanos != 0 && nanos < 1_000_000L) {
            throw new BuildException("Interval \"" + flag + "\" cannot be less than 1ms");
        }
        return nanos;
    }

    /** dockerd's {@code fmt.Sprintf("%q", healthcheck)} of its *HealthConfig. */
    private static String describe(HealthConfig h) {
        return "&{" + GoFormat.quoted(h.test()) + " " + GoFormat.quote(GoDuration.format(Duration.ofNanos(orZero(h.interval()))))
                + " " + GoFormat.quote(GoDuration.format(Duration.ofNanos(orZero(h.timeout()))))
                + " " + GoFormat.quote(GoDuration.format(Duration.ofNanos(orZero(h.startPeriod()))))
                + " " + GoFormat.quote(GoDuration.format(Duration.ofNanos(orZero(h.startInterval()))))
                + " '" + String.format("\\x%02x", h.retries() == null ? 0 : h.retries()) + "'}";
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    ConfigChange onBuild(RunConfig config, Instruction.OnBuild onBuild) {
        List<String> triggers = new ArrayList<>(config.onBuild() == null ? List.of() : config.onBuild());
        triggers.add(onBuild.expression());
        return new ConfigChange(config.withOnBuild(List.copyOf(triggers)), "ONBUILD " + onBuild.expression());
    }
}

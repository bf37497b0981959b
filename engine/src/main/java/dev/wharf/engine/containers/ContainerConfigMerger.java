package dev.wharf.engine.containers;

import dev.wharf.api.types.ContainerConfig;
import dev.wharf.api.types.HealthConfig;
import dev.wharf.engine.errors.InvalidArgumentException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Docker's rules for combining a create request with its image's defaults (moby daemon/commit.go merge). */
final class ContainerConfigMerger {
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ContainerConfigMerger() {}

    /**
     * The request's config completed by the image's: User, Env (by key, the request wins), Labels,
     * Cmd/Entrypoint (an Entrypoint from the request discards the image's Cmd), WorkingDir,
     * ExposedPorts, Volumes, StopSignal, Healthcheck (field by field); Hostname defaults to the short ID.
     */
    static ContainerConfig merge(ContainerConfig user, dev.wharf.image.ContainerConfig image, String containerId) {
        var merged = user.toBuilder();
        if (isEmpty(user.user())) {
            merged.user(nullToEmpty(image.user()));
        }
        merged.env(mergeEnv(user.env(), image.env()));
        var labels = new LinkedHashMap<String, String>();
        if (image.labels() != null) {
            labels.putAll(image.labels());
        }
        if (user.labels() != null) {
            labels.putAll(user.labels());
        }
        merged.labels(labels);
        if (user.entrypoint() == null || user.entrypoint().isEmpty()) {
            if (user.cmd() == null || user.cmd().isEmpty()) {
                merged.cmd(image.cmd());
                merged.argsEscaped(image.argsEscaped());
            }
            if (user.entrypoint() == null) {
                merged.entrypoint(image.entrypoint());
            }
        }
        if (isEmpty(user.workingDir())) {
            merged.workingDir(nullToEmpty(image.workingDir()));
        }
        merged.exposedPorts(mergeSets(user.exposedPorts(), image.exposedPorts()));
        merged.volumes(mergeSets(user.volumes(), image.volumes()));
        if (isEmpty(user.stopSignal()) && !isEmpty(image.stopSignal())) {
            merged.stopSignal(image.stopSignal());
        }
        merged.healthcheck(mergeHealthcheck(user.healthcheck(), image.healthcheck()));
        if (isEmpty(user.hostname())) {
            merged.hostname(containerId.substring(0, 12));
        }
        merged.domainname(nullToEmpty(user.domainname()));
        ContainerConfig result = merged.build();
        validate(result);
        return result;
    }

    /** Docker's create-time checks: a command to run and an absolute working directory. */
    static void validate(ContainerConfig config) {
        if (isEmpty(config.entrypoint()) && isEmpty(config.cmd())) {
            throw new InvalidArgumentException("No command specified");
        }
        String dir = config.workingDir();
        if (!isEmpty(dir) && !dir.startsWith("/")) {
            throw new InvalidArgumentException(
                    "the working directory '" + dir + "' is invalid, it needs to be an absolute path");
        }
    }

    /** Docker's argv: Entrypoint then Cmd. */
    static List<String> argv(ContainerConfig config) {
        var argv = new ArrayList<String>();
        if (config.entrypoint() != null) {
            argv.addAll(config.entrypoint());
        }
        if (config.cmd() != null) {
            argv.addAll(config.cmd());
        }
        return argv;
    }

    /**
     * The process environment (moby CreateDaemonEnvironment): PATH and HOSTNAME (and TERM with a TTY)
     * as defaults that the container's Env replaces by key.
     */
    static List<String> processEnv(ContainerConfig config) {
        return processEnv(config, config.tty());
    }

    /** The same for a process with or without a TTY of its own (an exec), whatever the container's. */
    static List<String> processEnv(ContainerConfig config, boolean tty) {
        var defaults = new ArrayList<String>();
        defaults.add("PATH=" + DEFAULT_PATH);
        defaults.add("HOSTNAME=" + config.hostname());
        if (tty) {
            defaults.add("TERM=xterm");
        }
        return replaceOrAppend(defaults, config.env() == null ? List.of() : config.env());
    }

    /** moby's ReplaceOrAppendEnvValues: an override {@code K=V} replaces K, a bare {@code K} removes it. */
    static List<String> replaceOrAppend(List<String> defaults, List<String> overrides) {
        var byKey = new LinkedHashMap<String, String>();
        defaults.forEach(entry -> byKey.put(key(entry), entry));
        for (String entry : overrides) {
            if (entry.contains("=")) {
                byKey.put(key(entry), entry);
            } else {
                byKey.remove(entry);
            }
        }
        return List.copyOf(byKey.values());
    }

    /** The request's healthcheck, its unset fields (empty, zero) taken from the image's. */
    private static HealthConfig mergeHealthcheck(HealthConfig user, dev.wharf.image.HealthConfig image) {
        if (image == null) {
            return user;
        }
        if (user == null) {
            return new HealthConfig(image.test(), image.interval(), image.timeout(), image.retries(),
                    image.startPeriod(), image.startInterval());
        }
        return new HealthConfig(isEmpty(user.test()) ? image.test() : user.test(),
                unset(user.interval()) ? image.interval() : user.interval(),
                unset(user.timeout()) ? image.timeout() : user.timeout(),
                user.retries() == null || user.retries() == 0 ? image.retries() : user.retries(),
                unset(user.startPeriod()) ? image.startPeriod() : user.startPeriod(),
                unset(user.startInterval()) ? image.startInterval() : user.startInterval());
    }

    private static boolean unset(Long nanos) {
        return nanos == null || nanos == 0;
    }

    private static List<String> mergeEnv(List<String> user, List<String> image) {
        if (user == null || user.isEmpty()) {
            return image == null ? null : List.copyOf(image);
        }
        var env = new ArrayList<>(user);
        if (image != null) {
            var userKeys = user.stream().map(ContainerConfigMerger::key).toList();
            image.stream().filter(entry -> !userKeys.contains(key(entry))).forEach(env::add);
        }
        return env;
    }

    private static Map<String, Map<String, Object>> mergeSets(Map<String, Map<String, Object>> user,
            Map<String, ?> image) {
        if (image == null || image.isEmpty()) {
            return user;
        }
        var merged = new LinkedHashMap<String, Map<String, Object>>();
        image.keySet().forEach(key -> merged.put(key, Map.of()));
        if (user != null) {
            merged.putAll(user);
        }
        return merged;
    }

    private static String key(String envEntry) {
        int eq = envEntry.indexOf('=');
        return eq < 0 ? envEntry : envEntry.substring(0, eq);
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }

    private static boolean isEmpty(List<String> list) {
        return list == null || list.isEmpty();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}

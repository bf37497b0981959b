package dev.wharf.image;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies {@code docker import/commit --change} Dockerfile instructions to a container config, as
 * Docker's {@code BuildFromConfig} does: only CMD, ENTRYPOINT, ENV, EXPOSE, HEALTHCHECK, LABEL,
 * ONBUILD (ignored here), STOPSIGNAL, USER, VOLUME and WORKDIR are valid.
 */
public final class ChangeParser {
    private ChangeParser() {}

    /** The config after applying the changes, in order, to {@code base}. */
    public static ContainerConfig apply(ContainerConfig base, List<String> changes) {
        ContainerConfig.Builder config = base.toBuilder();
        boolean cmdSet = false;
        for (String change : changes) {
            for (String line : change.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int space = firstSpace(trimmed);
                String keyword = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
                String rest = space < 0 ? "" : trimmed.substring(space).strip();
                switch (keyword) {
                    case "cmd" -> {
                        config.cmd = command(rest, "CMD");
                        cmdSet = true;
                    }
                    case "entrypoint" -> {
                        config.entrypoint = command(rest, "ENTRYPOINT");
                        if (!cmdSet) {
                            config.cmd = null; // Docker: a new ENTRYPOINT drops an inherited CMD
                        }
                    }
                    case "env" -> config.env = env(config.env, keyValues(rest, "ENV"));
                    case "label" -> {
                        Map<String, String> labels = new TreeMap<>(config.labels == null ? Map.of() : config.labels);
                        labels.putAll(keyValues(rest, "LABEL"));
                        config.labels = labels;
                    }
                    case "workdir" -> config.workingDir = workdir(config.workingDir, requireOne(rest, "WORKDIR"));
                    case "user" -> config.user = requireOne(rest, "USER");
                    case "stopsignal" -> config.stopSignal = requireOne(rest, "STOPSIGNAL");
                    case "expose" -> config.exposedPorts = expose(config.exposedPorts, rest);
                    case "volume" -> config.volumes = volumes(config.volumes, rest);
                    case "healthcheck" -> config.healthcheck = HealthcheckChange.parse(rest);
                    case "onbuild" -> { } // triggers only matter to a builder; Wharf has none
                    default -> throw new InvalidChangeException(keyword + " is not a valid change command");
                }
            }
        }
        return config.build();
    }

    static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** JSON (exec) form when the text is a JSON string array, else shell form. */
    private static List<String> command(String rest, String instruction) {
        List<String> json = jsonArray(rest);
        if (json != null) {
            return json;
        }
        if (rest.isEmpty()) {
            throw new InvalidChangeException(instruction + " requires at least one argument");
        }
        return List.of("/bin/sh", "-c", rest);
    }

    /** The text as a JSON string array, or null when it is none. */
    static List<String> jsonArray(String rest) {
        if (!rest.startsWith("[")) {
            return null;
        }
        try {
            return List.copyOf(Json.MAPPER.readValue(rest, new TypeReference<List<String>>() {}));
        } catch (IOException | NullPointerException e) {
            return null; // not JSON: Docker falls back to the shell form
        }
    }

    private static String requireOne(String rest, String instruction) {
        List<String> words = Words.split(rest);
        if (words.size() != 1) {
            throw new InvalidChangeException(instruction + " requires exactly one argument");
        }
        return words.getFirst();
    }

    /** {@code k=v k2="v 2"}, or the legacy {@code k some value}. */
    private static Map<String, String> keyValues(String rest, String instruction) {
        List<String> words = Words.split(rest);
        if (words.isEmpty()) {
            throw new InvalidChangeException(instruction + " requires at least one argument");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        int eq = Words.firstRawEquals(rest);
        if (eq < 0) {
            int space = firstSpace(rest);
            if (space < 0) {
                throw new InvalidChangeException(instruction + " must have two arguments");
            }
            pairs.put(rest.substring(0, space), rest.substring(space).strip());
            return pairs;
        }
        for (String word : words) {
            int split = word.indexOf('=');
            if (split <= 0) {
                throw new InvalidChangeException("Syntax error - can't find = in \"" + word
                        + "\". Must be of the form: name=value");
            }
            pairs.put(word.substring(0, split), word.substring(split + 1));
        }
        return pairs;
    }

    private static List<String> env(List<String> current, Map<String, String> updates) {
        List<String> env = new ArrayList<>(current == null ? List.of() : current);
        updates.forEach((key, value) -> {
            env.removeIf(entry -> entry.equals(key) || entry.startsWith(key + "="));
            env.add(key + "=" + value);
        });
        return env;
    }

    private static String workdir(String current, String dir) {
        if (dir.startsWith("/")) {
            return dir;
        }
        String base = current == null || current.isEmpty() ? "/" : current;
        return java.nio.file.Path.of(base).resolve(dir).normalize().toString();
    }

    /** {@code 80}, {@code 53/udp}, {@code 8000-8002/tcp}, as nat.ParsePortSpecs expands them. */
    private static Map<String, EmptyObject> expose(Map<String, EmptyObject> current, String rest) {
        Map<String, EmptyObject> ports = new TreeMap<>(current == null ? Map.of() : current);
        List<String> words = Words.split(rest);
        if (words.isEmpty()) {
            throw new InvalidChangeException("EXPOSE requires at least one argument");
        }
        for (String spec : words) {
            String[] portProto = spec.split("/", 2);
            String proto = portProto.length == 2 ? portProto[1].toLowerCase(Locale.ROOT) : "tcp";
            String[] range = portProto[0].split("-", 2);
            try {
                int low = Integer.parseInt(range[0]);
                int high = range.length == 2 ? Integer.parseInt(range[1]) : low;
                if (low < 0 || high > 65535 || high < low || !List.of("tcp", "udp", "sctp").contains(proto)) {
                    throw new NumberFormatException();
                }
                for (int port = low; port <= high; port++) {
                    ports.put(port + "/" + proto, EmptyObject.INSTANCE);
                }
            } catch (NumberFormatException e) {
                throw new InvalidChangeException("invalid containerPort: " + portProto[0]);
            }
        }
        return ports;
    }

    private static Map<String, EmptyObject> volumes(Map<String, EmptyObject> current, String rest) {
        Map<String, EmptyObject> volumes = new TreeMap<>(current == null ? Map.of() : current);
        List<String> paths = jsonArray(rest);
        if (paths == null) {
            paths = Words.split(rest);
        }
        if (paths.isEmpty()) {
            throw new InvalidChangeException("VOLUME requires at least one argument");
        }
        for (String path : paths) {
            if (path.isBlank()) {
                throw new InvalidChangeException("VOLUME specified can not be an empty string");
            }
            volumes.put(path, EmptyObject.INSTANCE);
        }
        return volumes;
    }
}

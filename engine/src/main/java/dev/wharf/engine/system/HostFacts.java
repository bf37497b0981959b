package dev.wharf.engine.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What /version and /info say about the host and the tools, probed once at daemon start. */
public record HostFacts(
        String kernelVersion,
        String operatingSystem,
        String osVersion,
        String architecture,
        String goArch,
        String hostname,
        String cgroupVersion,
        long memTotal,
        ToolVersion runc,
        ToolVersion conmon) {

    /** A tool's {@code --version}: its version and commit lines. */
    public record ToolVersion(String path, String version, String commit) {}

    public static HostFacts probe(Path runcBinary, Path conmonBinary) {
        String osArch = System.getProperty("os.arch");
        String[] os = osRelease();
        return new HostFacts(
                read("/proc/sys/kernel/osrelease").orElse(System.getProperty("os.version")),
                os[0],
                os[1],
                osArch.equals("amd64") ? "x86_64" : osArch,
                osArch.equals("x86_64") ? "amd64" : osArch.equals("aarch64") ? "arm64" : osArch,
                read("/proc/sys/kernel/hostname").orElse("localhost"),
                Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "2" : "1",
                readMemTotal(),
                toolVersion(runcBinary, "runc"),
                toolVersion(conmonBinary, "conmon"));
    }

    /** PRETTY_NAME and VERSION_ID of /etc/os-release. */
    private static String[] osRelease() {
        String pretty = "Linux";
        String version = "";
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    pretty = unquote(line.substring("PRETTY_NAME=".length()));
                } else if (line.startsWith("VERSION_ID=")) {
                    version = unquote(line.substring("VERSION_ID=".length()));
                }
            }
        } catch (IOException e) {
            // no os-release: a minimal host
        }
        return new String[] {pretty, version};
    }

    private static long readMemTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static ToolVersion toolVersion(Path binary, String name) {
        String version = "";
        String commit = "";
        try {
            Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(5, TimeUnit.SECONDS);
            for (String line : output.lines().toList()) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith(name + " version")) {
                    version = line.substring((name + " version").length()).trim();
                } else if (lower.startsWith("commit:")) {
                    commit = line.substring("commit:".length()).trim();
                }
            }
        } catch (IOException e) {
            version = "not found";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ToolVersion(binary.toString(), version, commit);
    }

    static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** The file system type under a path (longest mount point prefix in mountinfo), as Docker names it. */
    static String backingFilesystem(Path path) {
        String best = "";
        String type = "unknown";
        try {
            String target = path.toAbsolutePath().normalize().toString();
            List<String> lines = Files.readAllLines(Path.of("/proc/self/mountinfo"));
            for (String line : lines) {
                String[] fields = line.split(" ");
                int dash = java.util.Arrays.asList(fields).indexOf("-");
                if (fields.length < 5 || dash < 0 || dash + 1 >= fields.length) {
                    continue;
                }
                String mountPoint = fields[4].replace("\\040", " ");
                boolean under = target.equals(mountPoint) || target.startsWith(mountPoint.endsWith("/") ? mountPoint : mountPoint + "/");
                if (under && mountPoint.length() >= best.length()) {
                    best = mountPoint;
                    type = fields[dash + 1];
                }
            }
        } catch (IOException e) {
            return type;
        }
        return type.startsWith("ext") ? "extfs" : type;
    }
}

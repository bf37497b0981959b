package dev.wharf.cli.options;

import dev.wharf.api.types.DeviceMapping;
import dev.wharf.api.types.HostConfig;
import dev.wharf.cli.CliFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** docker run's confinement flags: capabilities, privileges, seccomp, devices, sysctls, init. */
public final class SecurityOptions {
    @Option(names = "--privileged", description = "Give extended privileges to this container.")
    boolean privileged;

    @Option(names = "--cap-add", description = "Add Linux capabilities.")
    List<String> capAdd = new ArrayList<>();

    @Option(names = "--cap-drop", description = "Drop Linux capabilities.")
    List<String> capDrop = new ArrayList<>();

    @Option(names = "--security-opt", description = "Security Options.")
    List<String> securityOpts = new ArrayList<>();

    @Option(names = "--read-only", description = "Mount the container's root filesystem as read only.")
    boolean readOnly;

    @Option(names = "--device", converter = DeviceConverter.class, description = "Add a host device to the container.")
    List<DeviceMapping> devices = new ArrayList<>();

    @Option(names = "--sysctl", description = "Sysctl options.")
    List<String> sysctls = new ArrayList<>();

    @Option(names = "--group-add", description = "Add additional groups to join.")
    List<String> groupAdd = new ArrayList<>();

    @Option(names = "--init", description = "Run an init inside the container that forwards signals and reaps processes.")
    boolean init;

    public void applyTo(HostConfig.Builder host) {
        host.privileged(privileged)
                .capAdd(capAdd.isEmpty() ? null : List.copyOf(capAdd))
                .capDrop(capDrop.isEmpty() ? null : List.copyOf(capDrop))
                .securityOpt(securityOpts.isEmpty() ? null : securityOpts.stream().map(SecurityOptions::readProfile).toList())
                .readonlyRootfs(readOnly)
                .devices(List.copyOf(devices))
                .sysctls(sysctlMap())
                .groupAdd(groupAdd.isEmpty() ? null : List.copyOf(groupAdd))
                .init(init ? Boolean.TRUE : null);
    }

    /** As the docker CLI: {@code seccomp=FILE} travels as the file's JSON, compacted. */
    private static String readProfile(String option) {
        if (!option.startsWith("seccomp=") && !option.startsWith("seccomp:")) {
            return option;
        }
        String file = option.substring("seccomp=".length());
        if (file.equals("unconfined") || file.startsWith("{")) {
            return option;
        }
        try {
            return "seccomp=" + Files.readString(Path.of(file)).replaceAll("\\s*\\n\\s*", "");
        } catch (IOException e) {
            throw new CliFailure(125, "invalid argument \"" + option + "\" for \"--security-opt\" flag: "
                    + "opening seccomp profile (" + file + ") failed: open " + file + ": no such file or directory");
        }
    }

    private Map<String, String> sysctlMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String sysctl : sysctls) {
            int eq = sysctl.indexOf('=');
            if (eq < 0) {
                throw new CliFailure(125, "invalid argument \"" + sysctl + "\" for \"--sysctl\" flag: "
                        + "sysctl '" + sysctl + "' is not allowed");
            }
            map.put(sysctl.substring(0, eq), sysctl.substring(eq + 1));
        }
        return map;
    }
}

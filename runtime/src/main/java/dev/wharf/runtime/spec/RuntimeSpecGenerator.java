package dev.wharf.runtime.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wharf.runtime.ContainerResources;
import dev.wharf.runtime.ContainerSecurity;
import dev.wharf.runtime.ContainerSpec;
import dev.wharf.runtime.spec.OciProcess.OciCapabilities;
import dev.wharf.runtime.spec.OciProcess.OciUser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a {@link ContainerSpec} into the config.json dockerd would have generated for it. */
public final class RuntimeSpecGenerator {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String cgroupParent;

    /** @param cgroupParent e.g. {@code /wharf}: each container gets the cgroupfs path {@code <parent>/<id>} */
    public RuntimeSpecGenerator(String cgroupParent) {
        this.cgroupParent = cgroupParent.endsWith("/") ? cgroupParent.substring(0, cgroupParent.length() - 1) : cgroupParent;
    }

    /** @throws IllegalArgumentException for a bad capability, device or seccomp profile, with Docker's message */
    public OciSpec generate(ContainerSpec spec) {
        var user = spec.user() == null ? ContainerSpec.ProcessUser.ROOT : spec.user();
        ContainerResources resources = spec.resources() == null ? ContainerResources.NONE : spec.resources();
        ContainerSecurity security = spec.security() == null ? ContainerSecurity.DEFAULT : spec.security();
        List<String> capabilities = security.privileged()
                ? Capabilities.supported()
                : Capabilities.resolve(security.capAdd(), security.capDrop());
        var process = new OciProcess(
                spec.tty(),
                new OciUser(user.uid(), user.gid(), user.additionalGids()),
                security.init() == null ? spec.args() : initArgs(spec.args()),
                spec.env() == null ? List.of() : spec.env(),
                spec.workingDir() == null || spec.workingDir().isEmpty() ? "/" : spec.workingDir(),
                new OciCapabilities(capabilities, capabilities, capabilities),
                security.noNewPrivileges(),
                security.oomScoreAdj(),
                resources.rlimits().isEmpty() ? null : resources.rlimits().stream()
                        .map(limit -> new OciProcess.Rlimit(limit.type(), limit.hard(), limit.soft()))
                        .toList());
        Map<String, String> sysctls = new TreeMap<>(DockerDefaults.SYSCTLS);
        sysctls.putAll(security.sysctls());
        var linux = new OciLinux(
                sysctls,
                CgroupResources.of(resources, security),
                cgroupsPath(spec.id()),
                DockerDefaults.NAMESPACES,
                devices(security),
                seccomp(security, capabilities),
                security.privileged() ? List.of()
                        : security.maskedPaths() != null ? security.maskedPaths() : DockerDefaults.MASKED_PATHS,
                security.privileged() ? List.of()
                        : security.readonlyPaths() != null ? security.readonlyPaths() : DockerDefaults.READONLY_PATHS);
        return new OciSpec(
                DockerDefaults.OCI_VERSION,
                process,
                new OciRoot(spec.rootfs().toAbsolutePath().toString(), security.readonlyRootfs()),
                spec.hostname(),
                mounts(spec.files(), spec.mounts(), resources, security),
                linux,
                spec.annotations() == null ? Map.of() : new TreeMap<>(spec.annotations()));
    }

    /** The container's cgroup, the same in every hierarchy. */
    public String cgroupsPath(String containerId) {
        return cgroupParent + "/" + containerId;
    }

    /**
     * Checks what {@link #generate} would refuse: unknown capabilities, devices that are not device nodes,
     * a seccomp profile that does not parse.
     *
     * @throws IllegalArgumentException with Docker's message
     */
    public static void validate(ContainerSecurity security) {
        List<String> capabilities = Capabilities.resolve(security.capAdd(), security.capDrop());
        devices(security);
        seccomp(security, capabilities);
    }

    /** Where {@code --init} puts tini, as docker puts its docker-init. */
    static final String INIT_PATH = "/sbin/docker-init";

    private static List<String> initArgs(List<String> args) {
        var withInit = new ArrayList<String>(List.of(INIT_PATH, "--"));
        withInit.addAll(args);
        return withInit;
    }

    private static List<OciDevice> devices(ContainerSecurity security) {
        if (security.privileged()) {
            return HostDevices.all();
        }
        return security.devices().stream()
                .map(device -> HostDevices.device(device.hostPath(), device.containerPath()))
                .toList();
    }

    private static OciSeccomp seccomp(ContainerSecurity security, List<String> capabilities) {
        if (security.privileged()) {
            return null;
        }
        return switch (security.seccomp()) {
            case ContainerSecurity.SeccompPolicy.DockerDefault ignored -> SeccompProfiles.dockerDefault(capabilities);
            case ContainerSecurity.SeccompPolicy.Unconfined ignored -> null;
            case ContainerSecurity.SeccompPolicy.Custom custom -> SeccompProfiles.custom(custom.dockerProfileJson(), capabilities);
        };
    }

    /** Writes the spec as the bundle's config.json. */
    public static void write(OciSpec spec, Path configJson) throws IOException {
        JSON.writeValue(configJson.toFile(), spec);
    }

    public static String toJson(OciSpec spec) throws IOException {
        return JSON.writeValueAsString(spec);
    }

    /**
     * Docker's standard mounts (/dev/shm sized, /sys writable when privileged), then the engine's files and
     * the container's volumes, binds and tmpfs, those sorted by destination so a parent mounts before its
     * children; last the init binary.
     */
    private static List<OciMount> mounts(Map<String, Path> files, List<ContainerSpec.Mount> extra,
            ContainerResources resources, ContainerSecurity security) {
        var mounts = new ArrayList<OciMount>();
        for (OciMount mount : DockerDefaults.MOUNTS) {
            mounts.add(switch (mount.destination()) {
                case "/dev/shm" -> mount.withOption("size=", "size=" + resources.shmSize());
                case "/sys", "/sys/fs/cgroup" -> security.privileged() ? mount.withOption("ro", "rw") : mount;
                default -> mount;
            });
        }
        var added = new ArrayList<OciMount>();
        if (files != null) {
            // a user's mount on /etc/hosts (say) replaces the generated file, as in Docker
            files.forEach((destination, file) -> {
                if (extra.stream().noneMatch(m -> m.destination().equals(destination))) {
                    added.add(OciMount.bind(destination, file.toAbsolutePath().toString()));
                }
            });
        }
        extra.forEach(m -> added.add(new OciMount(m.destination(), m.type(), m.source(), m.options())));
        added.sort(Comparator.comparing(OciMount::destination));
        mounts.addAll(added);
        if (security.init() != null) {
            mounts.add(new OciMount(INIT_PATH, "bind", security.init().toAbsolutePath().toString(),
                    List.of("bind", "ro", "nosuid", "nodev")));
        }
        return mounts;
    }
}

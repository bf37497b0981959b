package dev.wharf.runtime.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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

    public OciSpec generate(ContainerSpec spec) {
        var user = spec.user() == null ? ContainerSpec.ProcessUser.ROOT : spec.user();
        var caps = new OciCapabilities(DockerDefaults.CAPABILITIES, DockerDefaults.CAPABILITIES, DockerDefaults.CAPABILITIES);
        var process = new OciProcess(
                spec.tty(),
                new OciUser(user.uid(), user.gid(), user.additionalGids()),
                spec.args(),
                spec.env() == null ? List.of() : spec.env(),
                spec.workingDir() == null || spec.workingDir().isEmpty() ? "/" : spec.workingDir(),
                caps,
                false,
                0);
        var linux = new OciLinux(
                DockerDefaults.SYSCTLS,
                new OciLinux.Resources(DockerDefaults.DEVICES),
                cgroupParent + "/" + spec.id(),
                DockerDefaults.NAMESPACES,
                DockerDefaults.MASKED_PATHS,
                DockerDefaults.READONLY_PATHS);
        return new OciSpec(
                DockerDefaults.OCI_VERSION,
                process,
                new OciRoot(spec.rootfs().toAbsolutePath().toString(), false),
                spec.hostname(),
                mounts(spec.files(), spec.mounts()),
                linux,
                spec.annotations() == null ? Map.of() : new TreeMap<>(spec.annotations()));
    }

    /** Writes the spec as the bundle's config.json. */
    public static void write(OciSpec spec, Path configJson) throws IOException {
        JSON.writeValue(configJson.toFile(), spec);
    }

    public static String toJson(OciSpec spec) throws IOException {
        return JSON.writeValueAsString(spec);
    }

    /**
     * Docker's standard mounts, then the engine's files and the container's volumes, binds and tmpfs;
     * those sorted by destination so a parent mounts before its children.
     */
    private static List<OciMount> mounts(Map<String, Path> files, List<ContainerSpec.Mount> extra) {
        var mounts = new ArrayList<>(DockerDefaults.MOUNTS);
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
        return mounts;
    }
}

package dev.wharf.runtime.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Docker's seccomp profile format (conditions on capabilities and architectures, an arch map) compiled
 * for one container into the spec's form, as dockerd does before it hands the spec to runc.
 */
public final class SeccompProfiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_RESOURCE = "seccomp-default.json";
    private static final String NATIVE_ARCH = switch (System.getProperty("os.arch")) {
        case "aarch64" -> "SCMP_ARCH_AARCH64";
        default -> "SCMP_ARCH_X86_64";
    };

    private SeccompProfiles() {}

    /** Docker's default profile (moby's, as dockerd 20.10 applies it) for a container with these capabilities. */
    public static OciSeccomp dockerDefault(List<String> capabilities) {
        return compile(DefaultProfile.PROFILE, capabilities);
    }

    /** Parsed once, on first use. */
    private static final class DefaultProfile {
        static final DockerProfile PROFILE = read();

        private static DockerProfile read() {
            try (InputStream in = SeccompProfiles.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                return JSON.readValue(in, DockerProfile.class);
            } catch (IOException e) {
                throw new UncheckedIOException("the built-in seccomp profile is unreadable", e);
            }
        }
    }

    /** A user's profile; throws {@link IllegalArgumentException} when it is not valid JSON of that format. */
    public static OciSeccomp custom(String dockerProfileJson, List<String> capabilities) {
        try {
            return compile(JSON.readValue(dockerProfileJson, DockerProfile.class), capabilities);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Decoding seccomp profile failed: " + e.getOriginalMessage());
        }
    }

    private static OciSeccomp compile(DockerProfile profile, List<String> capabilities) {
        List<String> architectures = new ArrayList<>();
        if (profile.architectures() != null) {
            architectures.addAll(profile.architectures());
        }
        if (profile.archMap() != null) {
            for (ArchMap arch : profile.archMap()) {
                if (arch.architecture().equals(NATIVE_ARCH)) {
                    architectures.add(arch.architecture());
                    architectures.addAll(arch.subArchitectures() == null ? List.of() : arch.subArchitectures());
                }
            }
        }
        List<OciSeccomp.Syscall> syscalls = new ArrayList<>();
        for (DockerSyscall syscall : profile.syscalls() == null ? List.<DockerSyscall>of() : profile.syscalls()) {
            if (!applies(syscall, capabilities)) {
                continue;
            }
            List<String> names = syscall.names() != null ? syscall.names() : List.of(syscall.name());
            syscalls.add(new OciSeccomp.Syscall(names, syscall.action(), syscall.errnoRet(),
                    syscall.args() == null || syscall.args().isEmpty() ? null : syscall.args()));
        }
        return new OciSeccomp(profile.defaultAction(), profile.defaultErrnoRet(), architectures, syscalls);
    }

    private static boolean applies(DockerSyscall syscall, List<String> capabilities) {
        Filter includes = syscall.includes();
        if (includes != null) {
            if (includes.caps() != null && !capabilities.containsAll(includes.caps())) {
                return false;
            }
            if (includes.arches() != null && !includes.arches().isEmpty() && !includes.arches().contains(goArch())) {
                return false;
            }
        }
        Filter excludes = syscall.excludes();
        if (excludes != null) {
            if (excludes.caps() != null && excludes.caps().stream().anyMatch(capabilities::contains)) {
                return false;
            }
            return excludes.arches() == null || !excludes.arches().contains(goArch());
        }
        return true;
    }

    private static String goArch() {
        return NATIVE_ARCH.equals("SCMP_ARCH_AARCH64") ? "arm64" : "amd64";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DockerProfile(String defaultAction, Integer defaultErrnoRet, List<String> architectures,
            List<ArchMap> archMap, List<DockerSyscall> syscalls) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ArchMap(String architecture, List<String> subArchitectures) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DockerSyscall(String name, List<String> names, String action, Integer errnoRet, List<OciSeccomp.Arg> args,
            Filter includes, Filter excludes) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Filter(List<String> caps, List<String> arches) {}
}

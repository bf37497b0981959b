package dev.wharf.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The container's init process. {@code rlimits} only for {@code --ulimit}: otherwise the process inherits
 * the daemon's, as under dockerd (root here cannot raise a hard limit).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OciProcess(
        boolean terminal,
        OciUser user,
        List<String> args,
        List<String> env,
        String cwd,
        OciCapabilities capabilities,
        boolean noNewPrivileges,
        int oomScoreAdj,
        List<Rlimit> rlimits) {

    public record Rlimit(String type, long hard, long soft) {}

    public record OciUser(int uid, int gid, List<Integer> additionalGids) {}

    /** Docker sets no inheritable or ambient set. */
    public record OciCapabilities(List<String> bounding, List<String> effective, List<String> permitted) {}
}

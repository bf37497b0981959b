package dev.wharf.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The spec's {@code linux.seccomp}: what runc compiles into a BPF filter. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OciSeccomp(String defaultAction, Integer defaultErrnoRet, List<String> architectures, List<Syscall> syscalls) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Syscall(List<String> names, String action, Integer errnoRet, List<Arg> args) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Arg(int index, long value, Long valueTwo, String op) {}
}

package dev.wharf.runtime.spec;

import java.util.List;

public record OciMount(String destination, String type, String source, List<String> options) {
    /** A bind mount as dockerd makes them for its generated files. */
    public static OciMount bind(String destination, String source) {
        return new OciMount(destination, "bind", source, List.of("rbind", "rprivate"));
    }
}

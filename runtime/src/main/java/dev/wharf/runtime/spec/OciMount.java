package dev.wharf.runtime.spec;

import java.util.List;

public record OciMount(String destination, String type, String source, List<String> options) {
    /** This mount with the option starting with {@code prefix} (e.g. {@code size=}) replaced. */
    OciMount withOption(String prefix, String replacement) {
        return new OciMount(destination, type, source, options.stream()
                .map(option -> option.equals(prefix) || (prefix.endsWith("=") && option.startsWith(prefix)) ? replacement : option)
                .toList());
    }

    /** A bind mount as dockerd makes them for its generated files. */
    public static OciMount bind(String destination, String source) {
        return new OciMount(destination, "bind", source, List.of("rbind", "rprivate"));
    }
}

package dev.wharf.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The bundle's config.json (OCI runtime-spec), with the spec's JSON names; only what Wharf sets. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OciSpec(
        String ociVersion,
        OciProcess process,
        OciRoot root,
        String hostname,
        List<OciMount> mounts,
        OciLinux linux,
        Map<String, String> annotations) {}

package dev.wharf.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The image configuration (OCI {@code application/vnd.oci.image.config.v1+json}, same shape as
 * Docker's); its sha256 is the image ID. {@code created} stays the RFC 3339 text it was read as, so
 * re-serialising a stored config never changes its digest.
 */
public record ImageConfig(
        String created,
        String author,
        String architecture,
        String os,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String variant,
        ContainerConfig config,
        RootFs rootfs,
        List<History> history) {

    public ImageConfig {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** {@code created} as an instant, or null when absent or unparsable. */
    public Instant createdAt() {
        return History.parseTime(created);
    }

    /** The container config, never null (an empty one when the image has none). */
    public ContainerConfig containerConfig() {
        return config == null ? ContainerConfig.EMPTY : config;
    }
}

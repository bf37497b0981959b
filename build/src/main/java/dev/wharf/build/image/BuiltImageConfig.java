package dev.wharf.build.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.wharf.image.History;
import dev.wharf.image.RootFs;
import java.util.List;

/**
 * An image config as dockerd's classic builder writes it: the OCI fields plus {@code container},
 * {@code container_config} (the config the step ran with, its Cmd the step's {@code #(nop)} text) and
 * {@code docker_version}. Read back from the blob for the next step, which needs more than the OCI view.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"architecture", "author", "config", "container", "container_config", "created", "docker_version",
    "history", "os", "rootfs"})
public record BuiltImageConfig(
        String architecture,
        String author,
        RunConfig config,
        String container,
        @JsonProperty("container_config") RunConfig containerConfig,
        String created,
        @JsonProperty("docker_version") String dockerVersion,
        List<History> history,
        String os,
        RootFs rootfs) {

    public BuiltImageConfig {
        history = history == null ? List.of() : List.copyOf(history);
        config = config == null ? RunConfig.EMPTY : config;
    }
}

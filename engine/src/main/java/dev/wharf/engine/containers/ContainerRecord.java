package dev.wharf.engine.containers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.wharf.api.types.ContainerConfig;
import dev.wharf.api.types.HostConfig;
import dev.wharf.image.Digest;
import java.util.List;

/**
 * What wharfd remembers about one container ({@code container.json}); immutable, replaced on every
 * change.
 *
 * @param name without Docker's leading slash
 * @param created RFC3339Nano
 * @param imageId the image's config digest
 * @param diffIds the image's layers, bottom first, so the rootfs can be mounted even without the image
 * @param path the process's argv[0] (Docker's {@code Path}); {@code args} the rest
 * @param config the merged configuration (request over image defaults), as inspect shows it
 */
public record ContainerRecord(
        String id,
        String name,
        String created,
        Digest imageId,
        List<Digest> diffIds,
        String path,
        List<String> args,
        ContainerConfig config,
        HostConfig hostConfig,
        RunState state) {

    public ContainerRecord {
        diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
        args = args == null ? List.of() : List.copyOf(args);
        state = state == null ? RunState.CREATED : state;
    }

    ContainerRecord withState(RunState newState) {
        return new ContainerRecord(id, name, created, imageId, diffIds, path, args, config, hostConfig, newState);
    }

    ContainerRecord withName(String newName) {
        return new ContainerRecord(id, newName, created, imageId, diffIds, path, args, config, hostConfig, state);
    }

    ContainerRecord withHostConfig(HostConfig newHostConfig) {
        return new ContainerRecord(id, name, created, imageId, diffIds, path, args, config, newHostConfig, state);
    }

    @JsonIgnore
    String shortId() {
        return id.substring(0, 12);
    }

    /** The argv: Path then Args. */
    @JsonIgnore
    List<String> argv() {
        var argv = new java.util.ArrayList<String>(args.size() + 1);
        argv.add(path);
        argv.addAll(args);
        return argv;
    }
}

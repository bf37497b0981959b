package dev.wharf.engine.build;

import dev.wharf.api.types.ContainerConfig;
import dev.wharf.build.ExitedRun;
import dev.wharf.build.ExitedRunKeeper;
import dev.wharf.engine.containers.ContainerService;
import java.io.IOException;
import java.util.List;

/**
 * A failed RUN's container becomes an exited container of this daemon, as dockerd's classic builder leaves
 * it (without {@code --force-rm}): {@code ps -a} lists it, {@code rm} removes it and its snapshot.
 */
public final class KeptBuildContainers implements ExitedRunKeeper {
    private final ContainerService containers;

    public KeptBuildContainers(ContainerService containers) {
        this.containers = containers;
    }

    @Override
    public boolean keep(ExitedRun run) throws IOException {
        ContainerConfig config = ContainerConfig.builder()
                .image(run.image().toString())
                .cmd(run.argv())
                .entrypoint(List.of())
                .env(run.env())
                .workingDir(run.workingDir() == null ? "" : run.workingDir())
                .user(run.user() == null ? "" : run.user())
                .build();
        containers.adoptExited(run.id(), config, run.exitCode(), run.started(), run.finished());
        return true;
    }
}

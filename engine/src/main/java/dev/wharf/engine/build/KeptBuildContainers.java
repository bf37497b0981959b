package dev.wharf.engine.build;

import dev.wharf.api.types.ContainerConfig;
import dev.wharf.build.StepContainer;
import dev.wharf.build.StepContainerKeeper;
import dev.wharf.engine.containers.ContainerService;
import java.io.IOException;
import java.util.List;

/**
 * A build step's container becomes a container of this daemon, as dockerd's classic builder leaves it (a failed
 * RUN's without {@code --force-rm}, every step's with {@code --rm=false}): exited, or created when its step ran no
 * command; {@code ps -a} lists it, {@code rm} removes it and its snapshot.
 */
public final class KeptBuildContainers implements StepContainerKeeper {
    private final ContainerService containers;

    public KeptBuildContainers(ContainerService containers) {
        this.containers = containers;
    }

    @Override
    public boolean keep(StepContainer container) throws IOException {
        ContainerConfig config = ContainerConfig.builder()
                .image(container.image().toString())
                .cmd(container.argv())
                .entrypoint(List.of())
                .env(container.env())
                .workingDir(container.workingDir() == null ? "" : container.workingDir())
                .user(container.user() == null ? "" : container.user())
                .build();
        StepContainer.Exit exit = container.exit();
        if (exit == null) {
            containers.adoptCreated(container.id(), config);
        } else {
            containers.adoptExited(container.id(), config, exit.code(), exit.started(), exit.finished());
        }
        return true;
    }
}

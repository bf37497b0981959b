package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.stream.EscapeProxy;
import dev.wharf.api.types.ContainerInspect;
import dev.wharf.cli.CliFailure;
import dev.wharf.cli.session.StreamSession;
import dev.wharf.cli.session.TerminalSize;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wharf start}: starts each container and prints the name given. With {@code -a} (one
 * container) it attaches before starting, as docker run does, and exits with the container's code;
 * {@code -i} also sends stdin.
 */
@Command(name = "start", description = "Start one or more stopped containers.", usageHelpAutoWidth = true)
public final class StartCommand extends EngineCommand {

    @Option(names = "--help", usageHelp = true, description = "Print usage.")
    private boolean help;

    @Option(names = {"-a", "--attach"}, description = "Attach STDOUT/STDERR and forward signals.")
    private boolean attach;

    @Option(names = {"-i", "--interactive"}, description = "Attach container's STDIN.")
    private boolean interactive;

    @Option(names = "--detach-keys", description = "Override the key sequence for detaching a container.")
    private String detachKeys;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    private List<String> containers = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (attach || interactive) {
            if (containers.size() > 1) {
                throw new CliFailure(1, "you cannot start and attach multiple containers at once");
            }
            return startAttached(containers.getFirst());
        }
        List<String> failed = new ArrayList<>();
        for (String container : containers) {
            try {
                client().containerStart(container);
                out().println(container);
            } catch (EngineErrorException e) {
                daemonError(e);
                failed.add(container);
            }
        }
        if (!failed.isEmpty()) {
            throw new CliFailure(1, "Error: failed to start containers: " + String.join(", ", failed));
        }
        return 0;
    }

    private int startAttached(String container) throws IOException, InterruptedException {
        EngineClient client = client();
        ContainerInspect inspect = client.containerInspect(container);
        boolean tty = inspect.config().tty();
        boolean stdin = interactive && inspect.config().openStdin();
        String id = inspect.id();
        try (var connection = client.containerAttach(id, stdin, true, true, true, detachKeys);
                var wait = client.containerWait(id, inspect.hostConfig().autoRemove() ? "removed" : "next-exit")) {
            client.containerStart(id);
            if (!tty) {
                SignalProxy.install(client, id, err());
            } else {
                TerminalSize.follow((rows, cols) -> client.containerResize(id, rows, cols));
            }
            if (new StreamSession(streams(), tty, stdin, detachKeys).run(connection)) {
                throw new CliFailure(1, EscapeProxy.MESSAGE);
            }
            return (int) wait.await().statusCode();
        }
    }
}

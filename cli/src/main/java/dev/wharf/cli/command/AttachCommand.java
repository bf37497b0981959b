package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import dev.wharf.api.stream.EscapeProxy;
import dev.wharf.api.types.ContainerInspect;
import dev.wharf.cli.CliFailure;
import dev.wharf.cli.session.StreamSession;
import dev.wharf.cli.session.TerminalSize;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wharf attach}: docker's order (transcript 11): wait registered first, inspect (a stopped
 * container is refused), attach, then stream until the container exits (its exit code) or the user
 * detaches ("read escape sequence", exit 1, the container runs on).
 */
@Command(name = "attach", description = "Attach local standard input, output, and error streams to a running container.",
        usageHelpAutoWidth = true)
public final class AttachCommand extends EngineCommand {

    @Option(names = "--help", usageHelp = true, description = "Print usage.")
    private boolean help;

    @Option(names = "--no-stdin", description = "Do not attach STDIN.")
    private boolean noStdin;

    @Mixin
    private SessionOptions session;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    private String container;

    @Override
    public Integer call() throws IOException, InterruptedException {
        EngineClient client = client();
        try (var wait = client.containerWait(container, null)) {
            ContainerInspect inspect = client.containerInspect(container);
            if (!inspect.state().running()) {
                throw new CliFailure(1, "cannot attach to a stopped container, start it first");
            }
            boolean tty = inspect.config().tty();
            boolean stdin = !noStdin && inspect.config().openStdin();
            if (session.sigProxy && !tty) {
                SignalProxy.install(client, inspect.id(), err());
            }
            try (var connection = client.containerAttach(inspect.id(), stdin, true, true, true, session.detachKeys)) {
                if (tty) {
                    TerminalSize.follow((rows, cols) -> client.containerResize(inspect.id(), rows, cols));
                }
                if (new StreamSession(streams(), tty, stdin, session.detachKeys).run(connection)) {
                    throw new CliFailure(1, EscapeProxy.MESSAGE);
                }
            }
            var result = wait.await();
            if (result.error() != null && result.error().message() != null && !result.error().message().isEmpty()) {
                throw new CliFailure(1, result.error().message());
            }
            return (int) result.statusCode();
        }
    }
}

package dev.wharf.cli.command;

import dev.wharf.api.client.LogsOptions;
import dev.wharf.api.format.GoTimestamps;
import dev.wharf.api.stream.MultiplexedStream;
import dev.wharf.cli.CliFailure;
import java.io.IOException;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf logs}: inspect first, because only the TTY flag tells raw from multiplexed. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Fetch the logs of a container.")
public final class LogsCommand extends EngineCommand {

    @Option(names = {"-f", "--follow"}, description = "Follow log output.")
    private boolean follow;

    @Option(names = {"-n", "--tail"}, defaultValue = "all", description = "Number of lines to show from the end of the logs.")
    private String tail;

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps.")
    private boolean timestamps;

    @Option(names = "--since", description = "Show logs since timestamp or relative (e.g. 42m).")
    private String since;

    @Option(names = "--until", description = "Show logs before a timestamp or relative.")
    private String until;

    @Option(names = "--details", description = "Show extra details provided to logs.")
    private boolean details;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    private String container;

    @Override
    public Integer call() throws IOException {
        var inspect = client().containerInspect(container);
        boolean tty = inspect.config() != null && inspect.config().tty();
        Instant now = Instant.now();
        var options = new LogsOptions(true, true, follow, timestamps, details, tail, time(since, now), time(until, now));
        try (var logs = client().containerLogs(inspect.id(), options)) {
            if (tty) {
                logs.transferTo(streams().rawOut());
            } else {
                MultiplexedStream.demultiplex(logs, streams().rawOut(), streams().rawErr());
            }
        }
        streams().rawOut().flush();
        return 0;
    }

    /** As the docker CLI does: relative and RFC 3339 times become unix seconds before they are sent. */
    private static String time(String value, Instant now) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return GoTimestamps.toApi(value, now);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(1, e.getMessage());
        }
    }
}

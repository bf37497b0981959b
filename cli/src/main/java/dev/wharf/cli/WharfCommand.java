package dev.wharf.cli;

import dev.wharf.api.client.EngineClient;
import dev.wharf.api.client.EngineHost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf [-H host] [-D] <command>}: global options and the shared client (subcommands: {@link Subcommands}). */
@Command(name = "wharf", mixinStandardHelpOptions = true, versionProvider = WharfVersion.class,
        description = "A Docker-compatible container engine client.")
public final class WharfCommand implements Runnable {

    @Option(names = {"-H", "--host"}, paramLabel = "HOST", description = "Daemon socket to connect to (unix:///path or tcp://host:port).")
    private String host;

    @Option(names = {"-D", "--debug"}, description = "Enable debug mode (stack traces on errors).")
    private boolean debug;

    private final CliStreams streams;
    private EngineClient client;

    public WharfCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "missing command");
    }

    public CliStreams streams() {
        return streams;
    }

    public boolean debug() {
        return debug;
    }

    /** -H, else WHARF_HOST, else the default socket. DOCKER_HOST is deliberately ignored. */
    public String hostSpec() {
        if (host != null && !host.isBlank()) {
            return host;
        }
        String fromEnv = streams.env().get("WHARF_HOST");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : EngineHost.DEFAULT;
    }

    public synchronized EngineClient client() {
        if (client == null) {
            client = new EngineClient(EngineHost.parse(hostSpec()), "Wharf-Client/" + WharfVersion.VERSION + " (linux)");
        }
        return client;
    }
}

package dev.wharf.cli.command;

import dev.wharf.api.stream.EscapeProxy;
import dev.wharf.api.types.ExecConfig;
import dev.wharf.api.types.ExecStartConfig;
import dev.wharf.cli.CliFailure;
import dev.wharf.cli.session.StreamSession;
import dev.wharf.cli.session.TerminalSize;
import dev.wharf.linux.Terminal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wharf exec}: docker's sequence (transcripts 09, 10): inspect the container, create the exec,
 * start it on a hijacked connection (or detached), and exit with the exec's exit code from its inspect.
 */
@Command(name = "exec", description = "Execute a command in a running container.", usageHelpAutoWidth = true)
public final class ExecCommand extends EngineCommand {

    @Option(names = "--help", usageHelp = true, description = "Print usage.")
    private boolean help;

    @Option(names = {"-d", "--detach"}, description = "Detached mode: run command in the background.")
    private boolean detach;

    @Option(names = "--detach-keys", description = "Override the key sequence for detaching a container.")
    private String detachKeys;

    @Option(names = {"-e", "--env"}, description = "Set environment variables.")
    private List<String> env = new ArrayList<>();

    @Option(names = "--env-file", description = "Read in a file of environment variables.")
    private List<String> envFiles = new ArrayList<>();

    @Option(names = {"-i", "--interactive"}, description = "Keep STDIN open even if not attached.")
    private boolean interactive;

    @Option(names = "--privileged", description = "Give extended privileges to the command.")
    private boolean privileged;

    @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-TTY.")
    private boolean tty;

    @Option(names = {"-u", "--user"}, description = "Username or UID (format: \"<name|uid>[:<group|gid>]\").")
    private String user;

    @Option(names = {"-w", "--workdir"}, description = "Working directory inside the container.")
    private String workdir;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    private String container;

    @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "1..*")
    private List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        var client = client();
        String containerId = client.containerInspect(container).id();
        List<Integer> consoleSize = tty ? consoleSize() : null;
        var config = new ExecConfig(user == null ? "" : user, privileged, tty, consoleSize, interactive && !detach,
                !detach, !detach, detach, detachKeys == null ? "" : detachKeys,
                nullIfEmpty(EnvOptions.resolve(envFiles, env, streams().env())), workdir == null ? "" : workdir, command);
        String execId = client.execCreate(containerId, config).id();
        if (detach) {
            client.execStartDetached(execId, new ExecStartConfig(true, tty, null));
            return 0;
        }
        try (var connection = client.execStartAttached(execId, new ExecStartConfig(false, tty, consoleSize))) {
            if (tty) {
                TerminalSize.follow((rows, cols) -> client.execResize(execId, rows, cols));
            }
            if (new StreamSession(streams(), tty, interactive, detachKeys).run(connection)) {
                throw new CliFailure(1, EscapeProxy.MESSAGE);
            }
        }
        Integer exitCode = client.execInspect(execId).exitCode();
        return exitCode == null ? 0 : exitCode;
    }

    private static List<Integer> consoleSize() {
        Terminal.Size size = TerminalSize.current();
        return size == null ? null : List.of(size.rows(), size.cols());
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list.isEmpty() ? null : list;
    }
}

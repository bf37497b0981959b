package dev.wharf.cli.command.network;

import dev.wharf.cli.command.EngineCommand;
import dev.wharf.cli.command.InspectOutput;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf network inspect}: one indented array, or one line per network with --format. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Display detailed information on one or more networks.")
final class NetworkInspectCommand extends EngineCommand {
    @Option(names = {"-f", "--format"}, description = "Format output using a custom template.")
    private String format;

    @Parameters(arity = "1..*", paramLabel = "NETWORK")
    private List<String> names;

    @Override
    public Integer call() throws IOException {
        return InspectOutput.print(names, format, name -> InspectOutput.tree(client().networkInspect(name)), out(), err());
    }
}

package dev.wharf.cli.command.volume;

import dev.wharf.cli.command.EngineCommand;
import dev.wharf.cli.command.InspectOutput;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf volume inspect}: the daemon's objects as one indented array, or one line each with --format. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Display detailed information on one or more volumes.")
final class VolumeInspectCommand extends EngineCommand {
    @Option(names = {"-f", "--format"}, description = "Format output using a custom template.")
    private String format;

    @Parameters(arity = "1..*", paramLabel = "VOLUME")
    private List<String> names;

    @Override
    public Integer call() throws IOException {
        return InspectOutput.print(names, format, name -> InspectOutput.tree(client().volumeInspect(name)), out(), err());
    }
}

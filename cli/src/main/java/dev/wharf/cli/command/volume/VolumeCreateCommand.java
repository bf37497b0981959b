package dev.wharf.cli.command.volume;

import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.types.VolumeCreateRequest;
import dev.wharf.cli.command.EngineCommand;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf volume create [OPTIONS] [VOLUME]}: prints the volume's name. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create a volume.")
final class VolumeCreateCommand extends EngineCommand {
    @Option(names = {"-d", "--driver"}, defaultValue = "local", description = "Specify volume driver name.")
    private String driver;

    @Option(names = "--name", hidden = true, description = "Specify volume name.")
    private String nameOption;

    @Option(names = {"-l", "--label"}, description = "Set metadata for a volume.")
    private List<String> labels = List.of();

    @Option(names = {"-o", "--opt"}, description = "Set driver specific options.")
    private List<String> options = List.of();

    @Parameters(arity = "0..1", paramLabel = "VOLUME")
    private String name;

    @Override
    public Integer call() throws IOException {
        if (name != null && nameOption != null && !name.equals(nameOption)) {
            err().println("conflicting options: cannot specify a volume-name through both --name and as a positional arg");
            return 1;
        }
        String chosen = name != null ? name : nameOption;
        try {
            var volume = client().volumeCreate(new VolumeCreateRequest(chosen == null ? "" : chosen, driver,
                    keyValues(options), keyValues(labels)));
            out().println(volume.name());
            return 0;
        } catch (EngineErrorException e) {
            return daemonError(e);
        }
    }

    /** {@code k=v} pairs; a label without {@code =} gets an empty value, as docker's ListOpts do. */
    private static Map<String, String> keyValues(List<String> pairs) {
        var map = new LinkedHashMap<String, String>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            map.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return map;
    }
}

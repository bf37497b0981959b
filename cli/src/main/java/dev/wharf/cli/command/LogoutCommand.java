package dev.wharf.cli.command;

import dev.wharf.cli.registry.DockerConfigFile;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wharf logout [SERVER]}: forgets the stored credentials (client side only, as docker does). */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "Log out from a registry.")
public final class LogoutCommand extends EngineCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER")
    private String server;

    @Override
    public Integer call() throws IOException {
        String key = server == null || server.isEmpty() ? DockerConfigFile.HUB_KEY : server;
        DockerConfigFile config = DockerConfigFile.load(streams().env());
        if (!config.erase(key)) {
            out().println("Not logged in to " + key);
            return 0;
        }
        out().println("Removing login credentials for " + key);
        return 0;
    }
}

package dev.wharf.cli.command;

import dev.wharf.api.types.AuthConfig;
import dev.wharf.cli.registry.DockerConfigFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wharf login [SERVER]}: the daemon checks the credentials ({@code POST /auth}); on success they
 * are stored in config.json, or in its credential helper.
 */
@Command(name = "login", mixinStandardHelpOptions = true, description = "Authenticate to a registry.")
public final class LoginCommand extends EngineCommand {

    @Option(names = {"-u", "--username"}, description = "Username.")
    private String username;

    @Option(names = {"-p", "--password"}, description = "Password or Personal Access Token (PAT).")
    private String password;

    @Option(names = "--password-stdin", description = "Take the Password or Personal Access Token (PAT) from stdin.")
    private boolean passwordStdin;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER")
    private String server;

    @Override
    public Integer call() throws IOException {
        if (passwordStdin) {
            if (password != null) {
                err().println("--password and --password-stdin are mutually exclusive");
                return 1;
            }
            if (username == null) {
                err().println("Must provide --username with --password-stdin");
                return 1;
            }
            password = readPassword();
        }
        if (username == null || password == null) {
            err().println("Error: Cannot perform an interactive login from a non TTY device");
            return 1;
        }
        String key = server == null || server.isEmpty() ? DockerConfigFile.HUB_KEY : server;
        client().login(new AuthConfig(username, password, key, null));
        DockerConfigFile config = DockerConfigFile.load(streams().env());
        config.store(key, username, password);
        if (!config.usesHelper(key)) {
            err().println();
            err().println("WARNING! Your credentials are stored unencrypted in '" + config.path() + "'.");
            err().println("Configure a credential helper to remove this warning. See");
            err().println("https://docs.docker.com/go/credential-store/");
            err().println();
        }
        out().println("Login Succeeded");
        return 0;
    }

    /** The docker CLI trims the trailing newline (and only that) from a piped password. */
    private String readPassword() throws IOException {
        var reader = new BufferedReader(new InputStreamReader(streams().in(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        return line == null ? "" : line.replaceAll("\r$", "");
    }
}

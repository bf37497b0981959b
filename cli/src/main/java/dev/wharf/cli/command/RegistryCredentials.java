package dev.wharf.cli.command;

import dev.wharf.api.types.AuthConfig;
import dev.wharf.cli.registry.DockerConfigFile;
import java.io.IOException;
import java.util.Map;

/** The credentials config.json holds for an image's registry, for X-Registry-Auth (null when there are none). */
final class RegistryCredentials {
    private RegistryCredentials() {}

    static AuthConfig forImage(ImageReference reference, Map<String, String> env) throws IOException {
        return DockerConfigFile.load(env).credentials(DockerConfigFile.keyFor(reference.domain())).orElse(null);
    }
}

package dev.wharf.engine.distribution;

import dev.wharf.image.Json;
import dev.wharf.image.remote.RegistryAuth;
import java.io.IOException;
import java.util.Base64;

/**
 * The {@code X-Registry-Auth} header: base64url JSON of an AuthConfig, padded or not (the docker CLI
 * sends it unpadded). A header that does not decode is treated as no credentials, as Docker does.
 */
final class RegistryAuthHeader {
    private RegistryAuthHeader() {}

    static RegistryAuth decode(String header) {
        if (header == null || header.isBlank()) {
            return RegistryAuth.ANONYMOUS;
        }
        try {
            String text = header.strip().replace('+', '-').replace('/', '_');
            byte[] json = Base64.getUrlDecoder().decode(text.replace("=", ""));
            return Json.read(json, RegistryAuth.class);
        } catch (IllegalArgumentException | IOException e) {
            return RegistryAuth.ANONYMOUS;
        }
    }
}

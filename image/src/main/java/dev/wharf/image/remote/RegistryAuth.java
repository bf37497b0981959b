package dev.wharf.image.remote;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Credentials for one registry, in the shape of Docker's AuthConfig (the {@code X-Registry-Auth} JSON
 * and the {@code POST /auth} body). {@code identitytoken} is an OAuth refresh token, {@code registrytoken}
 * a bearer token to send as it is.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryAuth(
        @JsonProperty("username") String username,
        @JsonProperty("password") String password,
        @JsonProperty("serveraddress") String serverAddress,
        @JsonProperty("identitytoken") String identityToken,
        @JsonProperty("registrytoken") String registryToken) {

    public static final RegistryAuth ANONYMOUS = new RegistryAuth(null, null, null, null, null);

    public boolean hasPassword() {
        return username != null && !username.isEmpty() && password != null;
    }
}

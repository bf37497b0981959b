package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The reply to {@code POST /auth}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthResponse(@JsonProperty("Status") String status, @JsonProperty("IdentityToken") String identityToken) {}

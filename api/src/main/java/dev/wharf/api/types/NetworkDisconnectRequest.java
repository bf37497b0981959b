package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /networks/{id}/disconnect}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NetworkDisconnectRequest(
        @JsonProperty("Container") String container,
        @JsonProperty("Force") boolean force) {}

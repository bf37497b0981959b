package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /networks/{id}/connect}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NetworkConnectRequest(
        @JsonProperty("Container") String container,
        @JsonProperty("EndpointConfig") EndpointSettings endpointConfig) {}

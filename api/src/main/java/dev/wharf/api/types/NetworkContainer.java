package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A container's endpoint as a network's inspect lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NetworkContainer(
        @JsonProperty("Name") String name,
        @JsonProperty("EndpointID") String endpointId,
        @JsonProperty("MacAddress") String macAddress,
        @JsonProperty("IPv4Address") String ipv4Address,
        @JsonProperty("IPv6Address") String ipv6Address) {}

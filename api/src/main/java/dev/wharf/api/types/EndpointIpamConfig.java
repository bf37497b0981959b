// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Static addresses requested for an endpoint. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EndpointIpamConfig(
        @JsonProperty("IPv4Address") @JsonInclude(JsonInclude.Include.NON_EMPTY) String ipv4Address,
        @JsonProperty("IPv6Address") @JsonInclude(JsonInclude.Include.NON_EMPTY) String ipv6Address,
        @JsonProperty("LinkLocalIPs") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> linkLocalIps) {}

package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A network's address management: the driver and its pools. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ipam(
        @JsonProperty("Driver") String driver,
        @JsonProperty("Options") Map<String, String> options,
        @JsonProperty("Config") List<Config> config) {

    /** One pool; Docker omits the empty fields. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Config(
            @JsonProperty("Subnet") String subnet,
            @JsonProperty("IPRange") String ipRange,
            @JsonProperty("Gateway") String gateway,
            @JsonProperty("AuxiliaryAddresses") Map<String, String> auxiliaryAddresses) {}
}

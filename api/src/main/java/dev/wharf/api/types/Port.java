// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A container port and its optional public mapping, as listed by ps. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Port(
        @JsonProperty("IP") @JsonInclude(JsonInclude.Include.NON_EMPTY) String ip,
        @JsonProperty("PrivatePort") int privatePort,
        @JsonProperty("PublicPort") @JsonInclude(JsonInclude.Include.NON_EMPTY) Integer publicPort,
        @JsonProperty("Type") String type) {}

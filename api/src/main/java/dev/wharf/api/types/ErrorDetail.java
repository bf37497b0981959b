// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** In-band error of a streamed reply. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorDetail(
        @JsonProperty("code") @JsonInclude(JsonInclude.Include.NON_NULL) Integer code,
        @JsonProperty("message") @JsonInclude(JsonInclude.Include.NON_NULL) String message) {}

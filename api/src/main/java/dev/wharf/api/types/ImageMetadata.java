// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Local bookkeeping about an image. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageMetadata(
        @JsonProperty("LastTagTime") String lastTagTime) {}

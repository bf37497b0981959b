// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A blkio rate limit for one device. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ThrottleDevice(
        @JsonProperty("Path") String path,
        @JsonProperty("Rate") long rate) {}

// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A host device made visible inside the container. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceMapping(
        @JsonProperty("PathOnHost") String pathOnHost,
        @JsonProperty("PathInContainer") String pathInContainer,
        @JsonProperty("CgroupPermissions") String cgroupPermissions) {}

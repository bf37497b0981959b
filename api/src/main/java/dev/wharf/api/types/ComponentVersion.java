// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** One server component (Engine, containerd, runc, ...) and its free-form details. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComponentVersion(
        @JsonProperty("Name") String name,
        @JsonProperty("Version") String version,
        @JsonProperty("Details") Map<String, String> details) {}

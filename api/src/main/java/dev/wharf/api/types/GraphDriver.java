// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Storage driver name and its driver-specific data (LowerDir, UpperDir, ...). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GraphDriver(
        @JsonProperty("Data") Map<String, String> data,
        @JsonProperty("Name") String name) {}

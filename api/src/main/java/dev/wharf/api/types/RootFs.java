// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An image's layer chain (diff IDs). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RootFs(
        @JsonProperty("Type") String type,
        @JsonProperty("Layers") List<String> layers) {}

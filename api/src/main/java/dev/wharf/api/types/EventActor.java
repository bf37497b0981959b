// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The object an event is about. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventActor(
        @JsonProperty("ID") String id,
        @JsonProperty("Attributes") Map<String, String> attributes) {}

// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One registry index. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndexInfo(
        @JsonProperty("Name") String name,
        @JsonProperty("Mirrors") List<String> mirrors,
        @JsonProperty("Secure") boolean secure,
        @JsonProperty("Official") boolean official) {}

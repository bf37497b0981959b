// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One line of DELETE /images/{name}: either Untagged or Deleted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageDeleteResponseItem(
        @JsonProperty("Untagged") @JsonInclude(JsonInclude.Include.NON_NULL) String untagged,
        @JsonProperty("Deleted") @JsonInclude(JsonInclude.Include.NON_NULL) String deleted) {}

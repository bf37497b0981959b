// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A mount requested in HostConfig.Mounts (Go mount.Mount). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Mount(
        @JsonProperty("Type") @JsonInclude(JsonInclude.Include.NON_EMPTY) String type,
        @JsonProperty("Source") @JsonInclude(JsonInclude.Include.NON_EMPTY) String source,
        @JsonProperty("Target") @JsonInclude(JsonInclude.Include.NON_EMPTY) String target,
        @JsonProperty("ReadOnly") @JsonInclude(JsonInclude.Include.NON_EMPTY) Boolean readOnly,
        @JsonProperty("Consistency") @JsonInclude(JsonInclude.Include.NON_EMPTY) String consistency,
        @JsonProperty("BindOptions") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> bindOptions,
        @JsonProperty("VolumeOptions") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> volumeOptions,
        @JsonProperty("TmpfsOptions") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> tmpfsOptions) {
}

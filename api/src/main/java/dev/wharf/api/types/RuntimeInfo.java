// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An OCI runtime known to the daemon (lower-case JSON names, as Docker). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RuntimeInfo(
        @JsonProperty("path") String path,
        @JsonProperty("runtimeArgs") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> runtimeArgs) {}

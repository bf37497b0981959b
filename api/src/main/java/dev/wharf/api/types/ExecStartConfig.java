package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of POST /exec/{id}/start; ConsoleSize is [rows, cols] (API 1.42+). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExecStartConfig(
        @JsonProperty("Detach") boolean detach,
        @JsonProperty("Tty") boolean tty,
        @JsonProperty("ConsoleSize") @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> consoleSize) {}

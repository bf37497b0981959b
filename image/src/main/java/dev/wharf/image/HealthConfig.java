package dev.wharf.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Docker's healthcheck settings; durations are nanoseconds, as Docker serialises Go durations. */
public record HealthConfig(
        @JsonProperty("Test") List<String> test,
        @JsonProperty("Interval") Long interval,
        @JsonProperty("Timeout") Long timeout,
        @JsonProperty("StartPeriod") Long startPeriod,
        @JsonProperty("StartInterval") Long startInterval,
        @JsonProperty("Retries") Integer retries) {}

package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A volume as GET /volumes/{name} shows it; Labels and Options stay null when there are none, as in Docker. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Volume(
        @JsonProperty("CreatedAt") String createdAt,
        @JsonProperty("Driver") String driver,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("Mountpoint") String mountpoint,
        @JsonProperty("Name") String name,
        @JsonProperty("Options") Map<String, String> options,
        @JsonProperty("Scope") String scope,
        @JsonProperty("UsageData") @JsonInclude(JsonInclude.Include.NON_NULL) UsageData usageData) {

    /** Filled in by {@code system df} only. */
    public record UsageData(@JsonProperty("Size") long size, @JsonProperty("RefCount") long refCount) {}
}

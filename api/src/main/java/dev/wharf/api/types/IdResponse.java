package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Reply of {@code POST /commit} (and other endpoints that answer just an ID). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IdResponse(@JsonProperty("Id") String id) {}

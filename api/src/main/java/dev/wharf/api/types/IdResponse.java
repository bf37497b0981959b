package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {"Id": …}}: the reply of POST /containers/{id}/exec. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IdResponse(@JsonProperty("Id") String id) {}

package dev.wharf.image;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The {@code {}} value of Docker's set-like JSON objects (ExposedPorts, Volumes). */
@JsonAutoDetect
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmptyObject() {
    public static final EmptyObject INSTANCE = new EmptyObject();
}

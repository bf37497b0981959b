package dev.wharf.runtime.volume;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * What the store remembers about one volume ({@code <root>/<name>/volume.json}).
 *
 * @param createdAt RFC 3339, seconds precision, like Docker's
 * @param labels null when none were given (Docker shows {@code "Labels": null} then)
 * @param options the local driver's {@code type}, {@code device}, {@code o}; null when none
 */
public record VolumeRecord(String name, String driver, String createdAt, Map<String, String> labels,
        Map<String, String> options) {
    /** The label Docker puts on volumes it made up for a container (anonymous volumes). */
    public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";

    @JsonIgnore
    public boolean anonymous() {
        return labels != null && labels.containsKey(ANONYMOUS_LABEL);
    }

    /** Whether the local driver must mount something on {@code _data} (tmpfs, a bind, a device). */
    @JsonIgnore
    public boolean needsMount() {
        return options != null && options.containsKey("type");
    }
}

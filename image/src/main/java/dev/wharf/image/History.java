package dev.wharf.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** One entry of the image config's {@code history}; {@code emptyLayer} marks steps without a layer. */
public record History(
        String created,
        @JsonProperty("created_by") String createdBy,
        String author,
        String comment,
        @JsonProperty("empty_layer") Boolean emptyLayer) {

    public static History of(Instant created, String createdBy, String comment) {
        return new History(created == null ? null : created.toString(), createdBy, null, comment, null);
    }

    /** {@code created} as an instant, or null when absent or unparsable. */
    public Instant createdAt() {
        return parseTime(created);
    }

    public boolean isEmptyLayer() {
        return Boolean.TRUE.equals(emptyLayer);
    }

    static Instant parseTime(String rfc3339) {
        if (rfc3339 == null || rfc3339.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(rfc3339);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

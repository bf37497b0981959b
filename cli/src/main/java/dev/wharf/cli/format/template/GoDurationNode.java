package dev.wharf.cli.format.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.image.GoDuration;
import java.time.Duration;
import java.util.List;

/**
 * A number of nanoseconds that docker decodes as a Go {@code time.Duration}: templates print it as Go
 * does ({@code 1m30s}), while {@code json} still writes the number.
 */
public final class GoDurationNode extends LongNode {
    /** The durations of docker's inspect objects: a healthcheck's (in Config and ContainerConfig). */
    private static final List<String> HEALTHCHECK_DURATIONS = List.of("Interval", "Timeout", "StartPeriod", "StartInterval");

    private GoDurationNode(long nanos) {
        super(nanos);
    }

    /** Marks the durations of an inspect object in place, wherever a {@code Healthcheck} object is. */
    public static JsonNode markDurations(JsonNode object) {
        if (object instanceof ObjectNode fields) {
            if (fields.get("Healthcheck") instanceof ObjectNode check) {
                for (String name : HEALTHCHECK_DURATIONS) {
                    JsonNode value = check.get(name);
                    if (value != null && value.isIntegralNumber()) {
                        check.set(name, new GoDurationNode(value.longValue()));
                    }
                }
            }
            fields.forEach(GoDurationNode::markDurations);
        }
        return object;
    }

    @Override
    public String asText() {
        return GoDuration.format(Duration.ofNanos(_value));
    }
}

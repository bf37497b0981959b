package dev.wharf.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one JSON configuration shared by daemon and client.
 *
 * <p>Nulls are written (Docker emits {@code "Env": null}, {@code {"Error":null,"StatusCode":0}});
 * fields Docker marks omitempty carry their own {@code @JsonInclude}. Unknown properties are
 * ignored because every client sends a different subset of fields.
 */
public final class ApiJson {

    private ApiJson() {}

    // Holder idiom: building an ObjectMapper costs tens of milliseconds; pay only when JSON is used.
    private static final class Holder {
        static final ObjectMapper MAPPER = create();
        static final ObjectWriter DOCKER_INDENTED = MAPPER.writer(dockerPrettyPrinter());
    }

    /** The shared, thread-safe mapper. */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** A fresh mapper with the Engine API settings, for callers that need to customise one. */
    public static ObjectMapper create() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS) // Go marshals maps with sorted keys
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
    }

    public static byte[] toBytes(Object value) {
        try {
            return mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    public static String toJson(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** Indented like Go's {@code json.Indent(…, "", "    ")}, which {@code docker inspect} prints. */
    public static String toDockerIndentedJson(Object value) {
        try {
            return Holder.DOCKER_INDENTED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    public static <T> T fromJson(byte[] json, Class<T> type) throws IOException {
        return mapper().readValue(json, type);
    }

    public static <T> T fromJson(String json, Class<T> type) throws IOException {
        return mapper().readValue(json, type);
    }

    public static <T> T fromJson(InputStream json, Class<T> type) throws IOException {
        return mapper().readValue(json, type);
    }

    private static DefaultPrettyPrinter dockerPrettyPrinter() {
        var indenter = new DefaultIndenter("    ", "\n");
        var separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }
}

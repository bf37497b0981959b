package dev.wharf.api.types;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Body of POST /containers/create. On the wire Docker flattens the {@link ContainerConfig} fields into the
 * top level beside {@code HostConfig} and {@code NetworkingConfig}; here the three parts stay apart, and
 * a small (de)serializer does the flattening, so ContainerConfig is defined once.
 */
@JsonSerialize(using = ContainerCreateRequest.FlatSerializer.class)
@JsonDeserialize(using = ContainerCreateRequest.FlatDeserializer.class)
public record ContainerCreateRequest(ContainerConfig config, HostConfig hostConfig, NetworkingConfig networkingConfig) {
    private static final String HOST_CONFIG = "HostConfig";
    private static final String NETWORKING_CONFIG = "NetworkingConfig";

    public ContainerCreateRequest {
        config = config == null ? ContainerConfig.builder().build() : config;
    }

    public static ContainerCreateRequest of(ContainerConfig config) {
        return new ContainerCreateRequest(config, null, null);
    }

    static final class FlatSerializer extends JsonSerializer<ContainerCreateRequest> {
        @Override
        public void serialize(ContainerCreateRequest request, JsonGenerator out, SerializerProvider provider)
                throws IOException {
            ObjectMapper mapper = (ObjectMapper) out.getCodec();
            ObjectNode body = mapper.valueToTree(request.config());
            body.set(HOST_CONFIG, mapper.valueToTree(request.hostConfig()));
            body.set(NETWORKING_CONFIG, mapper.valueToTree(request.networkingConfig()));
            out.writeTree(body);
        }
    }

    static final class FlatDeserializer extends JsonDeserializer<ContainerCreateRequest> {
        @Override
        public ContainerCreateRequest deserialize(JsonParser in, DeserializationContext context) throws IOException {
            ObjectMapper mapper = (ObjectMapper) in.getCodec();
            JsonNode body = mapper.readTree(in);
            // ContainerConfig ignores unknown properties, so the two nested objects are skipped there.
            return new ContainerCreateRequest(mapper.treeToValue(body, ContainerConfig.class),
                    part(mapper, body, HOST_CONFIG, HostConfig.class),
                    part(mapper, body, NETWORKING_CONFIG, NetworkingConfig.class));
        }

        private static <T> T part(ObjectMapper mapper, JsonNode body, String name, Class<T> type) throws IOException {
            JsonNode node = body.get(name);
            return node == null || node.isNull() ? null : mapper.treeToValue(node, type);
        }
    }
}

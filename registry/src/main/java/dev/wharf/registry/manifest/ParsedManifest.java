package dev.wharf.registry.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.ImageIndex;
import dev.wharf.image.Json;
import dev.wharf.image.Manifest;
import dev.wharf.image.MediaTypes;
import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A manifest or index as pushed, checked for shape: JSON object, schema version 2, one of the four media
 * types (OCI manifest and index, Docker schema 2 manifest and list), the body's {@code mediaType} agreeing
 * with {@code Content-Type}. {@code blobs} must exist in the repository, {@code manifests} too.
 */
public record ParsedManifest(String mediaType, String artifactType, Digest subject, List<Digest> blobs,
                      List<Digest> manifests, Map<String, String> annotations) {

    public static ParsedManifest parse(byte[] body, String contentType) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw invalid("manifest is not valid JSON: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw invalid("manifest is not a JSON object");
        }
        if (tree.path("schemaVersion").asInt(-1) != 2) {
            throw invalid("unsupported manifest schema version: " + tree.path("schemaVersion"));
        }
        String declared = tree.path("mediaType").isTextual() ? tree.path("mediaType").asText() : null;
        String header = contentType == null ? null : contentType.split(";", 2)[0].trim();
        if (declared != null && header != null && !header.isEmpty() && !declared.equals(header)) {
            throw invalid("manifest media type " + declared + " does not match Content-Type " + header);
        }
        String mediaType = declared != null ? declared
                : header != null && !header.isEmpty() ? header
                : tree.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
        try {
            if (MediaTypes.isManifest(mediaType)) {
                return ofManifest(mediaType, Json.MAPPER.treeToValue(tree, Manifest.class));
            }
            if (MediaTypes.isIndex(mediaType)) {
                return ofIndex(mediaType, Json.MAPPER.treeToValue(tree, ImageIndex.class));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw invalid("malformed manifest: " + e.getMessage());
        }
        throw invalid("unsupported manifest media type: " + mediaType);
    }

    private static ParsedManifest ofManifest(String mediaType, Manifest manifest) {
        if (manifest.config() == null || manifest.config().digest() == null) {
            throw invalid("manifest has no config descriptor");
        }
        List<Digest> blobs = new ArrayList<>();
        blobs.add(manifest.config().digest());
        for (Descriptor layer : manifest.layers()) {
            if (layer == null || layer.digest() == null) {
                throw invalid("manifest has a layer without a digest");
            }
            if (layer.urls() == null || layer.urls().isEmpty()) { // foreign layers live elsewhere
                blobs.add(layer.digest());
            }
        }
        String artifactType = manifest.artifactType() != null ? manifest.artifactType() : manifest.config().mediaType();
        return new ParsedManifest(mediaType, artifactType, subjectOf(manifest.subject()), blobs, List.of(),
                manifest.annotations());
    }

    private static ParsedManifest ofIndex(String mediaType, ImageIndex index) {
        List<Digest> children = new ArrayList<>();
        for (Descriptor child : index.manifests()) {
            if (child == null || child.digest() == null) {
                throw invalid("index has a manifest without a digest");
            }
            children.add(child.digest());
        }
        return new ParsedManifest(mediaType, index.artifactType(), subjectOf(index.subject()), List.of(), children,
                index.annotations());
    }

    private static Digest subjectOf(Descriptor subject) {
        if (subject == null) {
            return null;
        }
        if (subject.digest() == null) {
            throw invalid("subject has no digest");
        }
        return subject.digest();
    }

    private static RegistryException invalid(String message) {
        return new RegistryException(ErrorCode.MANIFEST_INVALID, message);
    }
}

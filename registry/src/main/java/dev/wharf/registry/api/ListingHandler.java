package dev.wharf.registry.api;

import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.ImageIndex;
import dev.wharf.image.Json;
import dev.wharf.image.MediaTypes;
import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import dev.wharf.registry.http.Exchange;
import dev.wharf.registry.manifest.ParsedManifest;
import dev.wharf.registry.storage.RegistryStorage;
import dev.wharf.registry.storage.RepositoryName;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read-only listings: tags of a repository, the catalog of repositories, and referrers of a manifest. */
final class ListingHandler {
    private final RegistryStorage storage;

    ListingHandler(RegistryStorage storage) {
        this.storage = storage;
    }

    void tags(Exchange exchange, Route route) throws IOException {
        RepositoryName repository = route.repository();
        List<String> tags = storage.manifests().tags(repository).orElseThrow(() ->
                new RegistryException(ErrorCode.NAME_UNKNOWN, "repository name not known to registry: " + repository,
                        Map.of("name", repository.value())));
        Page page = Page.of(exchange, tags, "/v2/" + repository + "/tags/list");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", repository.value());
        body.put("tags", page.entries());
        sendJson(exchange, page, body, "application/json");
    }

    void catalog(Exchange exchange) throws IOException {
        List<String> names = storage.manifests().repositories().stream().map(RepositoryName::value).toList();
        Page page = Page.of(exchange, names, "/v2/_catalog");
        sendJson(exchange, page, Map.of("repositories", page.entries()), "application/json");
    }

    /** An OCI index of the manifests whose subject is the digest, optionally only one artifact type. */
    void referrers(Exchange exchange, Route route) throws IOException {
        RepositoryName repository = route.repository();
        Digest subject = References.digest(route.reference());
        String artifactType = exchange.query("artifactType");
        List<Descriptor> descriptors = new ArrayList<>();
        for (Digest referrer : storage.manifests().referrers(repository, subject)) {
            var mediaType = storage.manifests().manifestMediaType(repository, referrer);
            if (mediaType.isEmpty()) {
                continue; // deleted meanwhile
            }
            byte[] content = storage.blobs().read(referrer);
            ParsedManifest manifest = ParsedManifest.parse(content, mediaType.get());
            if (artifactType == null || artifactType.equals(manifest.artifactType())) {
                descriptors.add(new Descriptor(mediaType.get(), referrer, content.length, null,
                        manifest.annotations(), null, manifest.artifactType()));
            }
        }
        HttpHeaders headers = Exchange.headers().set("Content-Type", MediaTypes.OCI_INDEX);
        if (artifactType != null) {
            headers.set("OCI-Filters-Applied", "artifactType");
        }
        exchange.respond(200, headers, Json.bytes(new ImageIndex(2, MediaTypes.OCI_INDEX, null, descriptors, null, null)));
    }

    private static void sendJson(Exchange exchange, Page page, Object body, String contentType) throws IOException {
        HttpHeaders headers = Exchange.headers().set("Content-Type", contentType);
        if (page.nextLink() != null) {
            headers.set("Link", page.nextLink());
        }
        exchange.respond(200, headers, Json.bytes(body));
    }
}

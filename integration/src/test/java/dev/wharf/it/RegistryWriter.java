package dev.wharf.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/** Puts hand-made blobs and manifests into an open test registry, for images no client would build. */
final class RegistryWriter {
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    RegistryWriter(String address) {
        this.base = "http://" + address;
    }

    /** Uploads the blob to the repository; returns its digest. */
    String blob(String repository, byte[] content) throws IOException, InterruptedException {
        String digest = sha256(content);
        HttpResponse<Void> started = client.send(HttpRequest.newBuilder(URI.create(base + "/v2/" + repository
                + "/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        String location = started.headers().firstValue("Location").orElseThrow();
        URI target = URI.create(base).resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + digest);
        HttpResponse<String> put = client.send(HttpRequest.newBuilder(target)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 201) {
            throw new IOException("blob upload failed: " + put.statusCode() + " " + put.body());
        }
        return digest;
    }

    /** Puts the manifest (or index) under the reference; returns its digest. */
    String manifest(String repository, String reference, String mediaType, String json)
            throws IOException, InterruptedException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create(base + "/v2/" + repository
                + "/manifests/" + reference)).header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 201) {
            throw new IOException("manifest upload failed: " + put.statusCode() + " " + put.body());
        }
        return sha256(bytes);
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

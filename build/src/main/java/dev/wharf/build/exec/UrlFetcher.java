package dev.wharf.build.exec;

import dev.wharf.build.BuildException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** ADD of a URL: the file is downloaded into the build's scratch directory, mode 0600, mtime from Last-Modified. */
final class UrlFetcher {
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private UrlFetcher() {}

    static boolean isUrl(String source) {
        return source.startsWith("http://") || source.startsWith("https://");
    }

    /** The file name ADD gives the download: the URL path's last segment. */
    static String fileName(String url) throws BuildException {
        String path = URI.create(url).getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            throw new BuildException("cannot determine filename from url: " + url);
        }
        return name;
    }

    static Path fetch(String url, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName(url));
        HttpResponse<InputStream> response;
        try {
            response = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildException("download of " + url + " interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new BuildException("failed to GET " + url + " with status " + response.statusCode());
            }
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        response.headers().firstValue("Last-Modified").ifPresent(value -> {
            try {
                Files.setLastModifiedTime(file, FileTime.from(
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
            } catch (DateTimeParseException | IOException e) {
                // no usable Last-Modified: the download's own time stays
            }
        });
        return file;
    }
}

package dev.wharf.engine.containers;

import dev.wharf.api.ApiJson;
import dev.wharf.api.types.ContainerConfig;
import dev.wharf.api.types.ContainerPathStat;
import dev.wharf.api.types.FilesystemChange;
import dev.wharf.api.types.IdResponse;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Routes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/** The endpoints on a container's files: archive (cp), export, changes (diff) and commit. */
final class FileRoutes {
    private static final String TAR = "application/x-tar";

    private final ContainerFiles files;
    private final ContainerCommitter committer;

    FileRoutes(ContainerFiles files, ContainerCommitter committer) {
        this.files = files;
        this.committer = committer;
    }

    void register(Routes routes) {
        routes.add("HEAD", "/containers/{id}/archive", this::stat);
        routes.add("GET", "/containers/{id}/archive", this::archive);
        routes.add("PUT", "/containers/{id}/archive", this::extract);
        routes.add("GET", "/containers/{id}/export", this::export);
        routes.add("GET", "/containers/{id}/changes", this::changes);
        routes.add("POST", "/commit", this::commit);
    }

    private void stat(Exchange exchange) throws IOException {
        ContainerPathStat stat = files.stat(exchange.pathParam("id"), exchange.query("path").orElse(null));
        exchange.responseHeader(ContainerPathStat.HEADER, encode(stat));
        exchange.respondEmpty(200);
    }

    private void archive(Exchange exchange) throws IOException {
        files.archive(exchange.pathParam("id"), exchange.query("path").orElse(null), stat -> {
            exchange.responseHeader(ContainerPathStat.HEADER, encode(stat));
            return open(exchange);
        });
    }

    private void extract(Exchange exchange) throws IOException {
        files.extract(exchange.pathParam("id"), exchange.query("path").orElse(null),
                exchange.queryFlag("noOverwriteDirNonDir", false), exchange.queryFlag("copyUIDGID", false),
                exchange.body());
        exchange.respondEmpty(200);
    }

    private void export(Exchange exchange) throws IOException {
        files.export(exchange.pathParam("id"), () -> open(exchange));
    }

    private void changes(Exchange exchange) throws IOException {
        List<FilesystemChange> changes = files.changes(exchange.pathParam("id")).stream()
                .map(change -> new FilesystemChange(change.path(), change.kind().code())).toList();
        exchange.respondJson(200, changes.isEmpty() ? null : changes); // dockerd sends null for "no changes"
    }

    private void commit(Exchange exchange) throws IOException {
        ContainerConfig config = exchange.bodyJson(ContainerConfig.class);
        var request = new ContainerCommitter.Request(exchange.query("container").orElse(""),
                exchange.query("repo").orElse(null), exchange.query("tag").orElse(null),
                exchange.query("comment").orElse(null), exchange.query("author").orElse(null),
                exchange.queryAll("changes"), config, exchange.queryFlag("pause", true));
        exchange.respondJson(201, new IdResponse(committer.commit(request).toString()));
    }

    private static OutputStream open(Exchange exchange) {
        try {
            return exchange.respondStream(200, TAR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(ContainerPathStat stat) {
        return Base64.getEncoder().encodeToString(ApiJson.toBytes(stat));
    }
}

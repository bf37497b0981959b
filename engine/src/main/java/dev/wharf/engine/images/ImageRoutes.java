package dev.wharf.engine.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.api.types.ErrorDetail;
import dev.wharf.api.types.ProgressMessage;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.filters.Filters;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Handler;
import dev.wharf.engine.http.Routes;
import dev.wharf.image.Image;
import dev.wharf.image.ImageReference;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** The {@code /images} endpoints: list, inspect, remove, tag, and create (import here; pull handed to the distribution package). */
public final class ImageRoutes {
    private static final System.Logger LOG = System.getLogger(ImageRoutes.class.getName());

    private final ImageService images;
    private final TarballImport importer;
    private final Handler pull;
    private final ObjectMapper json;

    /** @param pull answers {@code /images/create?fromImage=} (the distribution package) */
    public ImageRoutes(ImageService images, TarballImport importer, Handler pull, ObjectMapper json) {
        this.images = images;
        this.importer = importer;
        this.pull = pull;
        this.json = json;
    }

    public void register(Routes routes) {
        routes.add("GET", "/images/json", exchange -> exchange.respondJson(200,
                images.list(Filters.parse(exchange.query("filters").orElse(null)), exchange.queryFlag("all", false),
                        exchange.apiVersion())));
        routes.add("POST", "/images/create", this::create);
        routes.add("GET", "/images/{name:.*}/json", exchange -> exchange.respondJson(200,
                images.inspect(exchange.pathParam("name"), exchange.apiVersion())));
        routes.add("DELETE", "/images/{name:.*}", exchange -> exchange.respondJson(200,
                images.remove(exchange.pathParam("name"), exchange.queryFlag("force", false),
                        exchange.queryFlag("noprune", false))));
        routes.add("POST", "/images/{name:.*}/tag", exchange -> {
            images.tag(exchange.pathParam("name"), exchange.query("repo").orElse(""), exchange.query("tag").orElse(""));
            exchange.respondEmpty(201);
        });
    }

    private void create(Exchange exchange) throws Exception {
        String fromImage = exchange.query("fromImage").orElse("");
        String fromSrc = exchange.query("fromSrc").orElse("");
        if (!fromImage.isEmpty()) {
            pull.handle(exchange);
            return;
        }
        if (fromSrc.isEmpty()) {
            throw new InvalidArgumentException("either fromImage or fromSrc is required");
        }
        if (!fromSrc.equals("-")) {
            throw new InvalidArgumentException("importing from a URL is not supported yet: " + fromSrc);
        }
        ImageReference target = importTarget(exchange.query("repo").orElse(""), exchange.query("tag").orElse(""));
        String message = exchange.query("message").orElse("");
        try (OutputStream out = exchange.respondStream(200, "application/json")) {
            try {
                Image image = importer.importTarball(exchange.body(), exchange.queryAll("changes"), message);
                images.imported(image, target);
                write(out, ProgressMessage.builder().status(image.id().toString()).build());
            } catch (IOException | RuntimeException e) {
                // The status line is sent: Docker reports failures of a started stream in-band.
                LOG.log(System.Logger.Level.WARNING, "import failed: " + e.getMessage());
                String text = e.getMessage() == null ? e.toString() : e.getMessage();
                write(out, ProgressMessage.builder().error(text).errorDetail(new ErrorDetail(null, text)).build());
            }
        }
    }

    /** {@code docker import - name:tag} sends {@code repo=name:tag}; a separate {@code tag} wins. */
    private static ImageReference importTarget(String repo, String tag) {
        if (repo.isEmpty()) {
            return null;
        }
        ImageReference ref = ImageReference.parseName(repo);
        if (!tag.isEmpty()) {
            return ref.withTag(tag);
        }
        return ref.tag() == null && ref.digest() == null ? ref.withTag(ImageReference.DEFAULT_TAG) : ref;
    }

    private void write(OutputStream out, ProgressMessage message) throws IOException {
        byte[] bytes = json.writeValueAsBytes(message);
        byte[] line = Arrays.copyOf(bytes, bytes.length + 1);
        line[bytes.length] = '\n';
        out.write(line);
    }
}

package dev.wharf.engine.build;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.api.types.ErrorDetail;
import dev.wharf.api.types.ProgressMessage;
import dev.wharf.build.BuildCache;
import dev.wharf.build.BuildException;
import dev.wharf.build.BuildOutput;
import dev.wharf.build.BuildRequest;
import dev.wharf.build.context.ContextArchive;
import dev.wharf.build.context.ContextIndex;
import dev.wharf.build.exec.BuildFailedException;
import dev.wharf.build.exec.Builder;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Routes;
import dev.wharf.image.Digest;
import dev.wharf.image.ImageReference;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code POST /build} (the classic builder's API: a tar context in, Docker's JSON message stream out, errors
 * in-band once the stream started) and {@code POST /build/prune}.
 */
public final class BuildRoutes {
    private static final System.Logger LOG = System.getLogger(BuildRoutes.class.getName());
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    private final Builder builder;
    private final BuildCache cache;
    private final Path contexts;
    private final ObjectMapper json;

    /** Contexts a crashed daemon left in {@code contexts} are removed here. */
    public BuildRoutes(Builder builder, BuildCache cache, Path contexts, ObjectMapper json) throws IOException {
        this.builder = builder;
        this.cache = cache;
        this.contexts = contexts;
        this.json = json;
        if (Files.isDirectory(contexts)) {
            deleteTree(contexts);
        }
    }

    public void register(Routes routes) {
        routes.add("POST", "/build", this::build);
        routes.add("POST", "/build/prune", exchange -> {
            BuildCache.Cleared cleared = cache.clear();
            exchange.respondJson(200, Map.of("CachesDeleted", cleared.ids(), "SpaceReclaimed", cleared.bytes()));
        });
    }

    private void build(Exchange exchange) throws IOException {
        if (!exchange.query("remote").orElse("").isEmpty()) {
            throw new InvalidArgumentException("building from a remote context is not supported");
        }
        List<ImageReference> tags = new ArrayList<>();
        for (String t : exchange.queryAll("t")) {
            try {
                ImageReference ref = ImageReference.parse(t);
                tags.add(ref.isNameOnly() ? ref.withTag(ImageReference.DEFAULT_TAG) : ref);
            } catch (RuntimeException e) {
                throw new InvalidArgumentException("invalid reference format: " + t, e);
            }
        }
        Map<String, String> buildArgs = jsonQuery(exchange, "buildargs", STRING_MAP, Map.of());
        Map<String, String> labels = jsonQuery(exchange, "labels", STRING_MAP, Map.of());
        List<String> cacheFrom = jsonQuery(exchange, "cachefrom", STRING_LIST, List.of());
        boolean quiet = exchange.queryFlag("q", false);
        Instant epoch = sourceDateEpoch(buildArgs.get("SOURCE_DATE_EPOCH"));

        Files.createDirectories(contexts);
        Path context = Files.createTempDirectory(contexts, "ctx-");
        try (OutputStream out = exchange.respondStream(200, "application/json")) {
            StreamOutput output = new StreamOutput(out, quiet);
            try {
                ContextIndex index = ContextArchive.spool(exchange.body(), context);
                BuildRequest request = new BuildRequest(index, exchange.query("dockerfile").orElse("Dockerfile"), null,
                        tags, buildArgs, labels, exchange.queryFlag("nocache", false),
                        exchange.query("target").orElse(""), exchange.query("networkmode").orElse("default"),
                        exchange.queryFlag("rm", true), exchange.queryFlag("forcerm", false), cacheFrom, epoch);
                Digest id = builder.build(request, output);
                if (quiet) {
                    output.write(ProgressMessage.builder().stream(id + "\n").build());
                }
            } catch (IOException | RuntimeException e) {
                if (!(e instanceof BuildException)) {
                    LOG.log(System.Logger.Level.WARNING, "build failed", e);
                }
                String text = e.getMessage() == null ? e.toString() : e.getMessage();
                Integer code = e instanceof BuildFailedException f ? f.exitCode() : null;
                output.write(ProgressMessage.builder().errorDetail(new ErrorDetail(code, text)).error(text).build());
            }
        } finally {
            deleteTree(context);
        }
    }

    private <T> T jsonQuery(Exchange exchange, String name, TypeReference<T> type, T fallback) {
        String value = exchange.query(name).orElse("");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            T parsed = json.readValue(value, type);
            return parsed == null ? fallback : parsed;
        } catch (IOException e) {
            throw new InvalidArgumentException("invalid " + name + " parameter: " + e.getMessage(), e);
        }
    }

    private static Instant sourceDateEpoch(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid SOURCE_DATE_EPOCH: " + value, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The build's messages as newline-delimited JSON; with {@code q=1} only errors and the final ID. */
    private final class StreamOutput implements BuildOutput {
        private final OutputStream out;
        private final boolean quiet;
        private boolean clientGone;

        StreamOutput(OutputStream out, boolean quiet) {
            this.out = out;
            this.quiet = quiet;
        }

        @Override
        public void stream(String text) {
            if (!quiet) {
                write(ProgressMessage.builder().stream(text).build());
            }
        }

        @Override
        public void aux(Digest imageId) {
            if (!quiet) {
                write(ProgressMessage.builder().aux(json.createObjectNode().put("ID", imageId.toString())).build());
            }
        }

        synchronized void write(ProgressMessage message) {
            if (clientGone) {
                return;
            }
            try {
                byte[] bytes = json.writeValueAsBytes(message);
                byte[] line = Arrays.copyOf(bytes, bytes.length + 1);
                line[bytes.length] = '\n';
                out.write(line);
            } catch (IOException e) {
                clientGone = true; // the build goes on to a consistent end; nobody reads the rest
            } catch (RuntimeException e) {
                throw new UncheckedIOException(new IOException(e));
            }
        }
    }
}

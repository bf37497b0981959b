package dev.wharf.api.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.ApiJson;
import dev.wharf.api.types.AuthConfig;
import dev.wharf.api.types.AuthResponse;
import dev.wharf.api.types.ContainerCreateRequest;
import dev.wharf.api.types.ContainerCreateResponse;
import dev.wharf.api.types.ContainerInspect;
import dev.wharf.api.types.ContainerPathStat;
import dev.wharf.api.types.ContainerPruneResponse;
import dev.wharf.api.types.ContainerStats;
import dev.wharf.api.types.ContainerSummary;
import dev.wharf.api.types.ContainerTopResponse;
import dev.wharf.api.types.ContainerUpdateRequest;
import dev.wharf.api.types.ContainerUpdateResponse;
import dev.wharf.api.types.DiskUsage;
import dev.wharf.api.types.ErrorResponse;
import dev.wharf.api.types.EventMessage;
import dev.wharf.api.types.ExecConfig;
import dev.wharf.api.types.ExecInspect;
import dev.wharf.api.types.ExecStartConfig;
import dev.wharf.api.types.FilesystemChange;
import dev.wharf.api.types.HistoryItem;
import dev.wharf.api.types.IdResponse;
import dev.wharf.api.types.ImageDeleteResponseItem;
import dev.wharf.api.types.ImagePruneResponse;
import dev.wharf.api.types.ImageSummary;
import dev.wharf.api.types.ProgressMessage;
import dev.wharf.api.types.SystemInfo;
import dev.wharf.api.types.SystemVersion;
import dev.wharf.api.types.NetworkConnectRequest;
import dev.wharf.api.types.NetworkCreateRequest;
import dev.wharf.api.types.NetworkCreateResponse;
import dev.wharf.api.types.NetworkDisconnectRequest;
import dev.wharf.api.types.NetworkPruneResponse;
import dev.wharf.api.types.NetworkResource;
import dev.wharf.api.types.Volume;
import dev.wharf.api.types.VolumeCreateRequest;
import dev.wharf.api.types.VolumeListResponse;
import dev.wharf.api.types.VolumePruneResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Engine API client over HTTP/1.1, one connection per request (docker run needs three at once).
 *
 * <p>Like the docker CLI it first pings {@code /_ping} and then prefixes every path with the
 * daemon's announced version, capped at {@link #MAX_API_VERSION}. Thread-safe.
 */
public final class EngineClient {

    public static final String MAX_API_VERSION = "1.44";
    /** The version the docker CLI assumes when {@code /_ping} announces none. */
    static final String FALLBACK_API_VERSION = "1.24";

    private final EngineHost host;
    private final String userAgent;
    private volatile String apiVersion;

    public EngineClient(EngineHost host, String userAgent) {
        this.host = host;
        this.userAgent = userAgent;
    }

    public EngineClient(EngineHost host) {
        this(host, "Wharf-Client/0.1.0 (linux)");
    }

    public EngineHost host() {
        return host;
    }

    // ---- system -------------------------------------------------------------------------------

    /** {@code HEAD /_ping}, retried as GET like the CLI does; 500 still counts as an answer. */
    public PingResponse ping() throws IOException {
        var head = send(HttpRequest.of("HEAD", "/_ping"));
        if (!head.isSuccess() && head.status() != 500) {
            head.close();
        }
        try (var response = head.isSuccess() || head.status() == 500 ? head : send(HttpRequest.of("GET", "/_ping"))) {
            var headers = response.headers();
            return new PingResponse(
                    headers.first("Api-Version").orElse(null),
                    headers.first("Ostype").orElse(null),
                    headers.first("Docker-Experimental").map("true"::equals).orElse(false),
                    headers.first("Builder-Version").orElse(null));
        }
    }

    /** The negotiated version (pings once on first use). */
    public String apiVersion() throws IOException {
        String version = apiVersion;
        if (version == null) {
            String announced = ping().apiVersion();
            version = ApiVersions.negotiate(announced == null ? FALLBACK_API_VERSION : announced, MAX_API_VERSION);
            apiVersion = version;
        }
        return version;
    }

    public SystemVersion version() throws IOException {
        return getJson("/version", SystemVersion.class);
    }

    public SystemInfo info() throws IOException {
        return getJson("/info", SystemInfo.class);
    }

    // ---- containers ---------------------------------------------------------------------------

    public ContainerCreateResponse containerCreate(ContainerCreateRequest request, String name) throws IOException {
        var target = "/containers/create" + new Query().add("name", name);
        return call(HttpRequest.of("POST", target).withBody(RequestBody.json(ApiJson.toBytes(request))),
                ContainerCreateResponse.class);
    }

    public void containerStart(String id) throws IOException {
        expectSuccess(HttpRequest.of("POST", "/containers/" + Query.segment(id) + "/start"));
    }

    /**
     * Registers a wait; {@code condition} is not-running, next-exit or removed (null = daemon
     * default). Issue it before start, on its own connection, to see the first exit.
     */
    public ContainerWaitCall containerWait(String id, String condition) throws IOException {
        var request = HttpRequest.of("POST", versioned("/containers/" + Query.segment(id) + "/wait"
                + new Query().add("condition", condition)));
        var connection = openConnection();
        try {
            connection.send(request, userAgent);
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return new ContainerWaitCall(connection, request.method());
    }

    /** Hijacks a connection for attach; the output is multiplexed unless the container has a TTY. */
    public HijackedStream containerAttach(String id, boolean stdin, boolean stdout, boolean stderr, boolean stream)
            throws IOException {
        return containerAttach(id, stdin, stdout, stderr, stream, null);
    }

    /** The same with {@code detachKeys} (docker's --detach-keys; null: the daemon's default). */
    public HijackedStream containerAttach(String id, boolean stdin, boolean stdout, boolean stderr, boolean stream,
            String detachKeys) throws IOException {
        var target = "/containers/" + Query.segment(id) + "/attach" + new Query().add("detachKeys", detachKeys)
                .flag("stderr", stderr).flag("stdin", stdin).flag("stdout", stdout).flag("stream", stream);
        return hijack(HttpRequest.of("POST", target).withBody(RequestBody.text("")));
    }

    /** Resizes the container's TTY (rows, columns). */
    public void containerResize(String id, int rows, int cols) throws IOException {
        expectSuccess(HttpRequest.of("POST", "/containers/" + Query.segment(id) + "/resize"
                + new Query().add("h", Integer.toString(rows)).add("w", Integer.toString(cols))));
    }

    // ---- exec ---------------------------------------------------------------------------------

    public IdResponse execCreate(String containerId, ExecConfig config) throws IOException {
        return call(HttpRequest.of("POST", "/containers/" + Query.segment(containerId) + "/exec")
                .withBody(RequestBody.json(ApiJson.toBytes(config))), IdResponse.class);
    }

    /** Starts an exec attached: the hijacked stream is multiplexed unless {@code start.tty()}. */
    public HijackedStream execStartAttached(String execId, ExecStartConfig start) throws IOException {
        return hijack(HttpRequest.of("POST", "/exec/" + Query.segment(execId) + "/start")
                .withBody(RequestBody.json(ApiJson.toBytes(start))));
    }

    public void execStartDetached(String execId, ExecStartConfig start) throws IOException {
        expectSuccess(HttpRequest.of("POST", "/exec/" + Query.segment(execId) + "/start")
                .withBody(RequestBody.json(ApiJson.toBytes(start))));
    }

    public ExecInspect execInspect(String execId) throws IOException {
        return getJson("/exec/" + Query.segment(execId) + "/json", ExecInspect.class);
    }

    public void execResize(String execId, int rows, int cols) throws IOException {
        expectSuccess(HttpRequest.of("POST", "/exec/" + Query.segment(execId) + "/resize"
                + new Query().add("h", Integer.toString(rows)).add("w", Integer.toString(cols))));
    }

    /** The raw log body (multiplexed unless TTY); close it to stop following. */
    public InputStream containerLogs(String id, LogsOptions options) throws IOException {
        var target = "/containers/" + Query.segment(id) + "/logs" + new Query()
                .flag("details", options.details())
                .flag("follow", options.follow())
                .add("since", options.since())
                .flag("stderr", options.stderr())
                .flag("stdout", options.stdout())
                .add("tail", options.tail())
                .flag("timestamps", options.timestamps())
                .add("until", options.until());
        var response = send(HttpRequest.of("GET", versioned(target)));
        if (!response.isSuccess()) {
            throw errorOf(response);
        }
        return new FilterInputStream(response.body()) {
            @Override
            public void close() throws IOException {
                response.close();
            }
        };
    }

    /** {@code filters} like {@code {"label": ["a=b"]}}; sent in the map form the docker CLI uses. */
    /**
     * {@code GET /containers/{id}/stats}: one sample when {@code stream} is false, else a sample a second
     * to {@code sink} until the container stops or the thread is interrupted.
     */
    public void containerStats(String id, boolean stream, Consumer<ContainerStats> sink) throws IOException {
        var request = HttpRequest.of("GET", "/containers/" + Query.segment(id) + "/stats" + new Query().add("stream", stream ? "1" : "0"));
        try (var response = exchange(request);
                var samples = ApiJson.mapper().readerFor(ContainerStats.class).<ContainerStats>readValues(response.body())) {
            while (samples.hasNextValue()) {
                sink.accept(samples.nextValue());
            }
        }
    }

    public List<ContainerSummary> containerList(boolean all, Map<String, List<String>> filters) throws IOException {
        var target = "/containers/json" + new Query().flag("all", all).add("filters", encodeFilters(filters));
        return getJson(target, new TypeReference<>() {});
    }

    public ContainerInspect containerInspect(String id) throws IOException {
        return getJson("/containers/" + Query.segment(id) + "/json", ContainerInspect.class);
    }

    public void containerRemove(String id, boolean force, boolean volumes) throws IOException {
        expectSuccess(HttpRequest.of("DELETE", "/containers/" + Query.segment(id)
                + new Query().flag("force", force).flag("v", volumes)));
    }

    /** {@code signal} null means the daemon default, SIGKILL. */
    public void containerKill(String id, String signal) throws IOException {
        expectSuccess(HttpRequest.of("POST", "/containers/" + Query.segment(id) + "/kill"
                + new Query().add("signal", signal)));
    }

    // ---- container files ----------------------------------------------------------------------

    /** A container path and its tar ({@code GET /containers/{id}/archive}); close the stream when done. */
    public record PathArchive(ContainerPathStat stat, InputStream tar) {}

    /** {@code HEAD /containers/{id}/archive}: the path's stat; a 404 carries no message (HEAD has no body). */
    public ContainerPathStat containerStatPath(String id, String path) throws IOException {
        try (var response = exchange(HttpRequest.of("HEAD", archiveTarget(id, path)))) {
            return pathStat(response);
        }
    }

    public PathArchive copyFromContainer(String id, String path) throws IOException {
        var response = exchange(HttpRequest.of("GET", archiveTarget(id, path)));
        return new PathArchive(pathStat(response), closing(response));
    }

    /** {@code PUT /containers/{id}/archive}: the tar is unpacked into the directory {@code path}. */
    public void copyToContainer(String id, String path, InputStream tar, boolean noOverwriteDirNonDir,
            boolean copyUidGid) throws IOException {
        var target = "/containers/" + Query.segment(id) + "/archive" + new Query()
                .flag("copyUIDGID", copyUidGid).flag("noOverwriteDirNonDir", noOverwriteDirNonDir).add("path", path);
        // text/plain like the Go client: dockerd does not look at the type
        expectSuccess(HttpRequest.of("PUT", target).withBody(new RequestBody.Streamed("text/plain", tar)));
    }

    /** {@code GET /containers/{id}/export}: the container's rootfs as a tar. */
    public InputStream containerExport(String id) throws IOException {
        return closing(exchange(HttpRequest.of("GET", "/containers/" + Query.segment(id) + "/export")));
    }

    /** {@code GET /containers/{id}/changes}; dockerd answers null for no changes, given here as an empty list. */
    public List<FilesystemChange> containerChanges(String id) throws IOException {
        List<FilesystemChange> changes = getJson("/containers/" + Query.segment(id) + "/changes", new TypeReference<>() {});
        return changes == null ? List.of() : changes;
    }

    /** {@code POST /commit}: returns the new image's ID. */
    public String containerCommit(String id, String repo, String tag, String comment, String author,
            List<String> changes, boolean pause) throws IOException {
        var query = new Query().add("author", author);
        for (String change : changes) {
            query.add("changes", change);
        }
        query.add("comment", comment).add("container", id).add("pause", pause ? null : "0") // the daemon pauses by default
                .add("repo", repo).add("tag", tag);
        return call(HttpRequest.of("POST", "/commit" + query), IdResponse.class).id();
    }

    /** {@code POST /containers/prune}. */
    public ContainerPruneResponse containerPrune(Map<String, List<String>> filters) throws IOException {
        return call(HttpRequest.of("POST", "/containers/prune" + new Query().add("filters", encodeFilters(filters))),
                ContainerPruneResponse.class);
    }

    private static String archiveTarget(String id, String path) {
        return "/containers/" + Query.segment(id) + "/archive" + new Query().add("path", path);
    }

    private static ContainerPathStat pathStat(HttpResponse response) throws IOException {
        var header = response.headers().first(ContainerPathStat.HEADER);
        if (header.isEmpty()) {
            throw new IOException("the daemon sent no " + ContainerPathStat.HEADER + " header");
        }
        return ApiJson.fromJson(java.util.Base64.getDecoder().decode(header.get()), ContainerPathStat.class);
    }

    private static InputStream closing(HttpResponse response) {
        return new FilterInputStream(response.body()) {
            @Override
            public void close() throws IOException {
                response.close();
            }
        };
    }

    /** {@code signal} and {@code timeoutSeconds} null: the container's own (StopSignal, StopTimeout), else TERM and 10 s. */
    public void containerStop(String id, String signal, Integer timeoutSeconds) throws IOException {
        expectSuccess(HttpRequest.of("POST", "/containers/" + Query.segment(id) + "/stop"
                + new Query().add("signal", signal).add("t", timeoutSeconds == null ? null : timeoutSeconds.toString())));
    }

    public void containerRestart(String id, String signal, Integer timeoutSeconds) throws IOException {
        expectSuccess(HttpRequest.of("POST", "/containers/" + Query.segment(id) + "/restart"
                + new Query().add("signal", signal).add("t", timeoutSeconds == null ? null : timeoutSeconds.toString())));
    }

    public void containerPause(String id) throws IOException {
        expectSuccess(HttpRequest.of("POST", "/containers/" + Query.segment(id) + "/pause"));
    }

    public void containerUnpause(String id) throws IOException {
        expectSuccess(HttpRequest.of("POST", "/containers/" + Query.segment(id) + "/unpause"));
    }

    public void containerRename(String id, String newName) throws IOException {
        expectSuccess(HttpRequest.of("POST", "/containers/" + Query.segment(id) + "/rename"
                + new Query().add("name", newName)));
    }

    /** {@code psArgs} null: the daemon's {@code -ef}. */
    public ContainerTopResponse containerTop(String id, String psArgs) throws IOException {
        return getJson("/containers/" + Query.segment(id) + "/top" + new Query().add("ps_args", psArgs),
                ContainerTopResponse.class);
    }

    public ContainerUpdateResponse containerUpdate(String id, ContainerUpdateRequest update) throws IOException {
        return call(HttpRequest.of("POST", "/containers/" + Query.segment(id) + "/update")
                .withBody(RequestBody.json(ApiJson.toBytes(update))), ContainerUpdateResponse.class);
    }

    /**
     * {@code GET /events}: calls {@code consumer} for each event until the daemon ends the stream
     * ({@code until} reached); without {@code until} it runs until the process stops. {@code since} and
     * {@code until} are Docker timestamps (unix seconds with an optional fraction).
     */
    public void events(String since, String until, Map<String, List<String>> filters, Consumer<EventMessage> consumer)
            throws IOException {
        var target = "/events" + new Query().add("filters", encodeFilters(filters)).add("since", since).add("until", until);
        try (var response = exchange(HttpRequest.of("GET", target));
                var messages = ApiJson.mapper().readerFor(EventMessage.class).<EventMessage>readValues(response.body())) {
            while (messages.hasNextValue()) {
                consumer.accept(messages.nextValue());
            }
        }
    }

    // ---- images -------------------------------------------------------------------------------

    /** {@code filters} like {@code {"reference": ["busybox"]}}. */
    public List<ImageSummary> imageList(boolean all, Map<String, List<String>> filters) throws IOException {
        var target = "/images/json" + new Query().flag("all", all).add("filters", encodeFilters(filters));
        return getJson(target, new TypeReference<>() {});
    }

    public List<ImageDeleteResponseItem> imageRemove(String name, boolean force) throws IOException {
        var target = "/images/" + Query.segment(name) + new Query().flag("force", force);
        return call(HttpRequest.of("DELETE", target), new TypeReference<>() {});
    }

    public void imageTag(String name, String repo, String tag) throws IOException {
        expectSuccess(HttpRequest.of("POST", "/images/" + Query.segment(name) + "/tag"
                + new Query().add("repo", repo).add("tag", tag)));
    }

    /**
     * Imports a rootfs tarball ({@code fromSrc=-}, body sent chunked). As the docker CLI does,
     * {@code reference} carries the tag inside ({@code name:tag}). Progress lines go to
     * {@code progress}; an in-band error becomes an {@link EngineErrorException}.
     */
    public void imageImport(InputStream tar, String reference, List<String> changes, String message,
                                                    Consumer<ProgressMessage> progress) throws IOException {
        var query = new Query();
        for (String change : changes == null ? List.<String>of() : changes) {
            query.add("changes", change);
        }
        query.add("fromSrc", "-").add("message", message).add("repo", reference);
        var request = HttpRequest.of("POST", "/images/create" + query)
                .withBody(new RequestBody.Streamed("text/plain", tar)); // the Go client's default type, see NOTES §13
        streamProgress(request, progress);
    }

    /**
     * {@code POST /build} with the context tar streamed chunked; each message of the build's stream goes to
     * {@code progress}; an in-band error becomes {@link EngineErrorException} with the step's exit code as status.
     */
    public void build(RequestBody.Writer context, BuildOptions options, Consumer<ProgressMessage> progress) throws IOException {
        var query = new Query().add("dockerfile", options.dockerfile());
        for (String tag : options.tags()) {
            query.add("t", tag);
        }
        if (!options.buildArgs().isEmpty()) {
            query.add("buildargs", ApiJson.toJson(options.buildArgs()));
        }
        if (!options.labels().isEmpty()) {
            query.add("labels", ApiJson.toJson(options.labels()));
        }
        if (!options.cacheFrom().isEmpty()) {
            query.add("cachefrom", ApiJson.toJson(options.cacheFrom()));
        }
        query.flag("nocache", options.noCache()).flag("q", options.quiet()).flag("pull", options.pull())
                .add("rm", options.remove() ? "1" : "0").flag("forcerm", options.forceRemove())
                .add("networkmode", options.network()).add("target", options.target())
                .add("platform", options.platform()).add("version", "1");
        var request = HttpRequest.of("POST", "/build" + query)
                .withBody(new RequestBody.Written("application/x-tar", context));
        streamProgress(request, progress);
    }

    /** {@code POST /images/create?fromImage=…&tag=…}. */
    public void imagePull(String fromImage, String tag, Consumer<ProgressMessage> progress) throws IOException {
        imagePull(fromImage, tag, null, null, progress);
    }

    /**
     * {@code POST /images/create?fromImage=…&tag=…&platform=…}; {@code auth} (may be null) goes in
     * {@code X-Registry-Auth}. An empty tag on a bare name pulls all tags.
     */
    public void imagePull(String fromImage, String tag, String platform, AuthConfig auth,
            Consumer<ProgressMessage> progress) throws IOException {
        var request = HttpRequest.of("POST", "/images/create"
                + new Query().add("fromImage", fromImage).add("tag", tag).add("platform", platform));
        streamProgress(withRegistryAuth(request, auth), progress);
    }

    /** {@code POST /images/{name}/push?tag=…}; without a tag every tag of the repository is pushed. */
    public void imagePush(String name, String tag, AuthConfig auth, Consumer<ProgressMessage> progress)
            throws IOException {
        var request = HttpRequest.of("POST", "/images/" + Query.segment(name) + "/push" + new Query().add("tag", tag));
        streamProgress(withRegistryAuth(request, auth), progress);
    }

    /** {@code POST /auth}: the daemon checks the credentials against the registry. */
    public AuthResponse login(AuthConfig auth) throws IOException {
        return call(HttpRequest.of("POST", "/auth").withBody(RequestBody.json(ApiJson.mapper().writeValueAsBytes(auth))),
                AuthResponse.class);
    }

    /** {@code GET /images/get?names=…}: the tar stream; the caller closes it. */
    public InputStream imageSave(List<String> names) throws IOException {
        var query = new Query();
        names.forEach(n -> query.add("names", n));
        return exchange(HttpRequest.of("GET", "/images/get" + query)).body();
    }

    /** {@code POST /images/load?quiet=…} with the archive as a chunked body. */
    public void imageLoad(InputStream tar, boolean quiet, Consumer<ProgressMessage> progress) throws IOException {
        var request = HttpRequest.of("POST", "/images/load" + new Query().flag("quiet", quiet))
                .withBody(new RequestBody.Streamed("application/x-tar", tar));
        streamProgress(request, progress);
    }

    public List<HistoryItem> imageHistory(String name) throws IOException {
        return call(HttpRequest.of("GET", "/images/" + Query.segment(name) + "/history"), new TypeReference<>() {});
    }

    public ImagePruneResponse imagePrune(Map<String, List<String>> filters) throws IOException {
        return call(HttpRequest.of("POST", "/images/prune" + new Query().add("filters", encodeFilters(filters))),
                ImagePruneResponse.class);
    }

    public DiskUsage systemDf() throws IOException {
        return getJson("/system/df", DiskUsage.class);
    }

    /** POST with an empty body, the reply parsed as a tree (prune endpoints of other areas). */
    public JsonNode postForJson(String path) throws IOException {
        return call(HttpRequest.of("POST", path), JsonNode.class);
    }

    /** The docker CLI's encoding of X-Registry-Auth: base64url of the JSON. */
    private static HttpRequest withRegistryAuth(HttpRequest request, AuthConfig auth) throws IOException {
        if (auth == null) {
            return request;
        }
        byte[] json = ApiJson.mapper().writeValueAsBytes(auth);
        return request.withHeader("X-Registry-Auth", Base64.getUrlEncoder().encodeToString(json));
    }

    // ---- volumes ------------------------------------------------------------------------------

    public Volume volumeCreate(VolumeCreateRequest request) throws IOException {
        return call(HttpRequest.of("POST", "/volumes/create").withBody(RequestBody.json(ApiJson.toBytes(request))),
                Volume.class);
    }

    public VolumeListResponse volumeList(Map<String, List<String>> filters) throws IOException {
        return getJson("/volumes" + new Query().add("filters", encodeFilters(filters)), VolumeListResponse.class);
    }

    public Volume volumeInspect(String name) throws IOException {
        return getJson("/volumes/" + Query.segment(name), Volume.class);
    }

    public void volumeRemove(String name, boolean force) throws IOException {
        expectSuccess(HttpRequest.of("DELETE", "/volumes/" + Query.segment(name) + new Query().flag("force", force)));
    }

    public VolumePruneResponse volumePrune(Map<String, List<String>> filters) throws IOException {
        return call(HttpRequest.of("POST", "/volumes/prune" + new Query().add("filters", encodeFilters(filters))),
                VolumePruneResponse.class);
    }

    // ---- networks -----------------------------------------------------------------------------

    public NetworkCreateResponse networkCreate(NetworkCreateRequest request) throws IOException {
        return call(HttpRequest.of("POST", "/networks/create").withBody(RequestBody.json(ApiJson.toBytes(request))),
                NetworkCreateResponse.class);
    }

    public List<NetworkResource> networkList(Map<String, List<String>> filters) throws IOException {
        return getJson("/networks" + new Query().add("filters", encodeFilters(filters)),
                new TypeReference<List<NetworkResource>>() {});
    }

    public NetworkResource networkInspect(String reference) throws IOException {
        return getJson("/networks/" + Query.segment(reference), NetworkResource.class);
    }

    public void networkRemove(String reference) throws IOException {
        expectSuccess(HttpRequest.of("DELETE", "/networks/" + Query.segment(reference)));
    }

    public NetworkPruneResponse networkPrune(Map<String, List<String>> filters) throws IOException {
        return call(HttpRequest.of("POST", "/networks/prune" + new Query().add("filters", encodeFilters(filters))),
                NetworkPruneResponse.class);
    }

    public void networkConnect(String network, NetworkConnectRequest request) throws IOException {
        expectSuccess(HttpRequest.of("POST", "/networks/" + Query.segment(network) + "/connect")
                .withBody(RequestBody.json(ApiJson.toBytes(request))));
    }

    public void networkDisconnect(String network, NetworkDisconnectRequest request) throws IOException {
        expectSuccess(HttpRequest.of("POST", "/networks/" + Query.segment(network) + "/disconnect")
                .withBody(RequestBody.json(ApiJson.toBytes(request))));
    }

    // ---- generic ------------------------------------------------------------------------------

    /** GET on a versioned path, parsed as a tree: for printing the daemon's JSON unchanged. */
    public JsonNode getJsonTree(String path) throws IOException {
        return getJson(path, JsonNode.class);
    }

    public <T> T getJson(String path, Class<T> type) throws IOException {
        return call(HttpRequest.of("GET", path), type);
    }

    public <T> T getJson(String path, TypeReference<T> type) throws IOException {
        return call(HttpRequest.of("GET", path), type);
    }

    /** Sends {@code request} with the version prefix; fails on non-2xx. */
    public HttpResponse exchange(HttpRequest request) throws IOException {
        var response = send(request.withTarget(versioned(request.target())));
        if (!response.isSuccess()) {
            throw errorOf(response);
        }
        return response;
    }

    // ---- plumbing -----------------------------------------------------------------------------

    private <T> T call(HttpRequest request, Class<T> type) throws IOException {
        try (var response = exchange(request)) {
            return ApiJson.fromJson(response.readBody(), type);
        }
    }

    private <T> T call(HttpRequest request, TypeReference<T> type) throws IOException {
        try (var response = exchange(request)) {
            return ApiJson.mapper().readValue(response.readBody(), type);
        }
    }

    private void expectSuccess(HttpRequest request) throws IOException {
        exchange(request).close();
    }

    private void streamProgress(HttpRequest request, Consumer<ProgressMessage> progress) throws IOException {
        try (var response = exchange(request);
                  var messages = ApiJson.mapper().readerFor(ProgressMessage.class).<ProgressMessage>readValues(response.body())) {
            while (messages.hasNextValue()) {
                var message = messages.nextValue();
                if (message.error() != null || message.errorDetail() != null) {
                    String text = message.error() != null ? message.error() : message.errorDetail().message();
                    int code = message.errorDetail() != null && message.errorDetail().code() != null
                            ? message.errorDetail().code() : 500;
                    throw new EngineErrorException(code, text);
                }
                progress.accept(message);
            }
        }
    }

    private HijackedStream hijack(HttpRequest request) throws IOException {
        var upgrade = request.withTarget(versioned(request.target()))
                .withHeader("Connection", "Upgrade")
                .withHeader("Upgrade", "tcp");
        var response = send(upgrade);
        // 101 is the norm; a daemon may also answer 200 with the raw stream (NOTES §1.3).
        if (response.status() != 101 && response.status() != 200) {
            throw errorOf(response);
        }
        return new HijackedStream(response);
    }

    private String versioned(String path) throws IOException {
        return "/v" + apiVersion() + path;
    }

    private HttpResponse send(HttpRequest request) throws IOException {
        return openConnection().exchange(request, userAgent);
    }

    private HttpConnection openConnection() throws IOException {
        try {
            return HttpConnection.open(host);
        } catch (IOException e) {
            throw new EngineConnectException(host, e);
        }
    }

    /** Reads and closes an error response: JSON {@code {"message"}} or, failing that, the text. */
    static EngineErrorException errorOf(HttpResponse response) {
        String text;
        try {
            text = new String(response.readBody(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            text = "";
        }
        String message = text;
        if (text.startsWith("{")) {
            try {
                var error = ApiJson.fromJson(text, ErrorResponse.class);
                if (error.message() != null) {
                    message = error.message();
                }
            } catch (IOException ignored) {
                // not JSON after all: keep the raw text
            }
        }
        if (message.isEmpty()) {
            message = response.status() + " " + response.reason();
        }
        return new EngineErrorException(response.status(), message);
    }

    static String encodeFilters(Map<String, List<String>> filters) {
        if (filters == null || filters.isEmpty()) {
            return null;
        }
        var mapForm = new LinkedHashMap<String, Map<String, Boolean>>();
        filters.forEach((key, values) -> {
            var set = new LinkedHashMap<String, Boolean>();
            values.forEach(v -> set.put(v, true));
            mapForm.put(key, set);
        });
        return ApiJson.toJson(mapForm);
    }
}

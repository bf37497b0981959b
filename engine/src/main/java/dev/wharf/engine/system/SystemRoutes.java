package dev.wharf.engine.system;

import dev.wharf.api.types.Commit;
import dev.wharf.api.types.ComponentVersion;
import dev.wharf.api.types.IndexInfo;
import dev.wharf.api.types.PlatformInfo;
import dev.wharf.api.types.PluginsInfo;
import dev.wharf.api.types.RegistryConfig;
import dev.wharf.api.types.RuntimeInfo;
import dev.wharf.api.types.SwarmInfo;
import dev.wharf.api.types.SystemInfo;
import dev.wharf.api.types.SystemVersion;
import dev.wharf.engine.WharfVersion;
import dev.wharf.engine.containers.ContainerService;
import dev.wharf.engine.events.InMemoryEventBus;
import dev.wharf.engine.http.ApiVersion;
import dev.wharf.engine.http.Exchange;
import dev.wharf.engine.http.Routes;
import dev.wharf.image.ImageStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** {@code /_ping}, {@code /version} and {@code /info}: what clients negotiate with and print. */
public final class SystemRoutes {
    private final HostFacts host;
    private final ContainerService containers;
    private final ImageStore images;
    private final InMemoryEventBus events;
    private final Path dataRoot;
    private final String engineId;
    private final String buildTime;
    private final List<String> registryMirrors;

    /** @param registryMirrors wharfd's {@code --registry-mirror}s, which {@code /info} lists as dockerd does */
    public SystemRoutes(HostFacts host, ContainerService containers, ImageStore images, InMemoryEventBus events,
            Path dataRoot, String engineId, List<URI> registryMirrors) {
        this.host = host;
        this.containers = containers;
        this.images = images;
        this.events = events;
        this.dataRoot = dataRoot;
        this.engineId = engineId;
        this.buildTime = buildTime();
        this.registryMirrors = registryMirrors.stream().map(URI::toString).toList();
    }

    public void register(Routes routes) {
        routes.add("GET", "/_ping", this::ping);
        routes.add("HEAD", "/_ping", this::ping);
        routes.add("GET", "/version", exchange -> exchange.respondJson(200, version()));
        routes.add("GET", "/info", exchange -> exchange.respondJson(200, info()));
    }

    private void ping(Exchange exchange) throws IOException {
        exchange.responseHeader("Builder-Version", "1")
                .responseHeader("Swarm", "inactive")
                .responseHeader("Cache-Control", "no-cache, no-store, must-revalidate")
                .responseHeader("Pragma", "no-cache");
        exchange.respondText(200, "text/plain; charset=utf-8", exchange.method().equals("HEAD") ? "" : "OK");
    }

    SystemVersion version() {
        Map<String, String> engine = new LinkedHashMap<>();
        engine.put("ApiVersion", ApiVersion.MAX.toString());
        engine.put("Arch", host.goArch());
        engine.put("BuildTime", buildTime);
        engine.put("Experimental", "false");
        engine.put("GitCommit", WharfVersion.GIT_COMMIT);
        engine.put("GoVersion", javaVersion());
        engine.put("KernelVersion", host.kernelVersion());
        engine.put("MinAPIVersion", ApiVersion.MIN.toString());
        engine.put("Os", "linux");
        return SystemVersion.builder()
                .platform(new PlatformInfo(WharfVersion.PLATFORM))
                .components(List.of(
                        new ComponentVersion("Engine", WharfVersion.ENGINE, engine),
                        new ComponentVersion("runc", host.runc().version(), Map.of("GitCommit", host.runc().commit())),
                        new ComponentVersion("conmon", host.conmon().version(),
                                Map.of("GitCommit", host.conmon().commit()))))
                .version(WharfVersion.ENGINE)
                .apiVersion(ApiVersion.MAX.toString())
                .minApiVersion(ApiVersion.MIN.toString())
                .gitCommit(WharfVersion.GIT_COMMIT)
                .goVersion(javaVersion())
                .os("linux")
                .arch(host.goArch())
                .kernelVersion(host.kernelVersion())
                .buildTime(buildTime)
                .build();
    }

    SystemInfo info() throws IOException {
        ContainerService.Counts counts = containers.counts();
        boolean cgroups = Files.isDirectory(Path.of("/sys/fs/cgroup"));
        return SystemInfo.builder()
                .id(engineId)
                .containers(counts.total())
                .containersRunning(counts.running())
                .containersPaused(counts.paused())
                .containersStopped(counts.stopped())
                .images(images.list().size())
                .driver("overlay2")
                .driverStatus(List.of(
                        List.of("Backing Filesystem", HostFacts.backingFilesystem(dataRoot)),
                        List.of("Supports d_type", "true"),
                        List.of("Native Overlay Diff", "true"),
                        List.of("userxattr", "false")))
                .plugins(new PluginsInfo(List.of("local"), List.of("bridge", "host", "null"), null, List.of("json-file")))
                .memoryLimit(cgroups)
                .swapLimit(cgroups)
                .cpuCfsPeriod(cgroups)
                .cpuCfsQuota(cgroups)
                .cpuShares(cgroups)
                .cpuSet(cgroups)
                .pidsLimit(cgroups)
                .ipv4Forwarding(HostFacts.read("/proc/sys/net/ipv4/ip_forward").orElse("0").equals("1"))
                .bridgeNfIptables(HostFacts.read("/proc/sys/net/bridge/bridge-nf-call-iptables").orElse("0").equals("1"))
                .bridgeNfIp6tables(HostFacts.read("/proc/sys/net/bridge/bridge-nf-call-ip6tables").orElse("0").equals("1"))
                .debug(System.getLogger("dev.wharf").isLoggable(System.Logger.Level.DEBUG))
                .nFd(openFileDescriptors())
                .oomKillDisable(false)
                .nGoroutines(Thread.getAllStackTraces().size())
                .systemTime(Instant.now().toString())
                .loggingDriver("json-file")
                .cgroupDriver("cgroupfs")
                .cgroupVersion(host.cgroupVersion())
                .nEventsListener(events.listenerCount())
                .kernelVersion(host.kernelVersion())
                .operatingSystem(host.operatingSystem())
                .osVersion(host.osVersion())
                .osType("linux")
                .architecture(host.architecture())
                .indexServerAddress("https://index.docker.io/v1/")
                .registryConfig(RegistryConfig.builder()
                        .allowNondistributableArtifactsCidrs(List.of())
                        .allowNondistributableArtifactsHostnames(List.of())
                        .insecureRegistryCidrs(List.of("127.0.0.0/8"))
                        .indexConfigs(Map.of("docker.io", new IndexInfo("docker.io", registryMirrors, true, true)))
                        .mirrors(registryMirrors)
                        .build())
                .ncpu(Runtime.getRuntime().availableProcessors())
                .memTotal(host.memTotal())
                .genericResources(null)
                .dockerRootDir(dataRoot.toAbsolutePath().toString())
                .httpProxy(env("HTTP_PROXY"))
                .httpsProxy(env("HTTPS_PROXY"))
                .noProxy(env("NO_PROXY"))
                .name(host.hostname())
                .labels(List.of())
                .experimentalBuild(false)
                .serverVersion(WharfVersion.ENGINE)
                .runtimes(Map.of("runc", new RuntimeInfo(host.runc().path(), null)))
                .defaultRuntime("runc")
                .swarm(SwarmInfo.builder().nodeId("").nodeAddr("").localNodeState("inactive")
                        .controlAvailable(false).error("").remoteManagers(null).build())
                // Containers live under conmon and survive a daemon restart: that is Docker's live restore.
                .liveRestoreEnabled(true)
                .isolation("")
                .initBinary("")
                .containerdCommit(new Commit("", ""))
                .runcCommit(new Commit(host.runc().commit(), host.runc().commit()))
                .initCommit(new Commit("", ""))
                .securityOptions(List.of())
                .warnings(List.of())
                .build();
    }

    private static String javaVersion() {
        return "java" + Runtime.version().feature() + "." + Runtime.version().interim() + "." + Runtime.version().update();
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            value = System.getenv(name.toLowerCase(java.util.Locale.ROOT));
        }
        return value == null ? "" : value;
    }

    private static int openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** When this build was made: the modification time of the daemon's jar (or classes directory). */
    private static String buildTime() {
        try {
            Path code = Path.of(SystemRoutes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.getLastModifiedTime(code).toInstant().toString();
        } catch (Exception e) {
            return "";
        }
    }
}

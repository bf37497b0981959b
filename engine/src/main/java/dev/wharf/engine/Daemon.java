package dev.wharf.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.api.ApiJson;
import dev.wharf.build.BuildCache;
import dev.wharf.build.FileBuildCache;
import dev.wharf.build.exec.Builder;
import dev.wharf.engine.build.BuildRoutes;
import dev.wharf.engine.build.BuildBridge;
import dev.wharf.engine.build.KeptBuildContainers;
import dev.wharf.engine.containers.ContainerRoutes;
import dev.wharf.engine.containers.ContainerService;
import dev.wharf.engine.containers.ExecRoutes;
import dev.wharf.engine.distribution.ArchiveRoutes;
import dev.wharf.engine.distribution.AuthEndpoint;
import dev.wharf.engine.distribution.DistributionRoutes;
import dev.wharf.engine.distribution.PullEndpoint;
import dev.wharf.engine.distribution.PushEndpoint;
import dev.wharf.engine.distribution.SnapshotUnpacker;
import dev.wharf.engine.events.EventRoutes;
import dev.wharf.engine.events.InMemoryEventBus;
import dev.wharf.engine.http.HttpServer;
import dev.wharf.engine.http.Router;
import dev.wharf.engine.images.ImageMaintenanceRoutes;
import dev.wharf.engine.images.ImagePruner;
import dev.wharf.engine.images.ImageRoutes;
import dev.wharf.engine.images.ImageService;
import dev.wharf.engine.images.UnpackingImport;
import dev.wharf.engine.networks.DnsServers;
import dev.wharf.engine.networks.NetworkRoutes;
import dev.wharf.engine.networks.NetworkService;
import dev.wharf.network.cni.CniNetworkDriver;
import dev.wharf.network.cni.CniPluginRunner;
import dev.wharf.engine.system.DiskUsageRoutes;
import dev.wharf.engine.system.HostFacts;
import dev.wharf.engine.system.SystemRoutes;
import dev.wharf.engine.volumes.ContainerMounts;
import dev.wharf.engine.volumes.VolumeRoutes;
import dev.wharf.engine.volumes.VolumeService;
import dev.wharf.image.BlobStore;
import dev.wharf.image.BusyboxImage;
import dev.wharf.image.FileBlobStore;
import dev.wharf.image.FileImageStore;
import dev.wharf.image.ImageStore;
import dev.wharf.image.TarLayerApplier;
import dev.wharf.image.archive.ImageArchiveReader;
import dev.wharf.image.archive.ImageArchiveWriter;
import dev.wharf.image.remote.ImagePuller;
import dev.wharf.image.remote.ImagePusher;
import dev.wharf.image.remote.RegistryHosts;
import dev.wharf.image.remote.RegistryHttp;
import dev.wharf.runtime.conmon.ConmonRuntime;
import dev.wharf.runtime.overlay.OverlaySnapshotter;
import dev.wharf.runtime.volume.LocalVolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * wharfd assembled: stores, runtime, services, routes and the API socket. {@link #close()} stops the API
 * and leaves containers running: they live under conmon, and the next start adopts them again.
 */
public final class Daemon implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Daemon.class.getName());
    /** Layers moved at once per daemon (Docker's default is 3 down, 5 up; one more keeps a fast link busy). */
    private static final int CONCURRENT_TRANSFERS = 4;

    private final DaemonConfig config;
    private final HttpServer server;
    private final ConmonRuntime runtime;
    private final InMemoryEventBus events;
    private final DnsServers dns;
    private final NetworkService networks;
    private final CountDownLatch closed = new CountDownLatch(1);

    private Daemon(DaemonConfig config, HttpServer server, ConmonRuntime runtime, InMemoryEventBus events,
            DnsServers dns, NetworkService networks) {
        this.dns = dns;
        this.networks = networks;
        this.config = config;
        this.server = server;
        this.runtime = runtime;
        this.events = events;
    }

    public static Daemon start(DaemonConfig config) throws IOException {
        Path socket = config.socketPath();
        DaemonPaths paths = new DaemonPaths(config.dataRoot().toAbsolutePath(), config.execRoot().toAbsolutePath());
        createPrivateDirectory(paths.dataRoot(), "rwx--x--x");
        createPrivateDirectory(paths.execRoot(), "rwx------");
        LOG.log(System.Logger.Level.INFO, "data root " + paths.dataRoot() + ", exec root " + paths.execRoot());

        ObjectMapper json = ApiJson.mapper();
        BlobStore blobs = new FileBlobStore(paths.content());
        ImageStore images = new FileImageStore(paths.images(), blobs);
        OverlaySnapshotter snapshotter = new OverlaySnapshotter(paths.overlay(), new TarLayerApplier());
        ConmonRuntime runtime = new ConmonRuntime(paths.runtime(), ConmonRuntime.DEFAULT_RUNC, ConmonRuntime.DEFAULT_CONMON,
                config.cgroupParent());
        InMemoryEventBus events = new InMemoryEventBus();
        DnsServers dns = null;
        try {
            VolumeService volumes = new VolumeService(LocalVolumeStore.open(paths.volumes()), events);
            NetworkService networks = new NetworkService(paths.networks(), config.network(),
                    new CniNetworkDriver(paths.networkState(), CniPluginRunner.DEFAULT_PLUGIN_DIR), events);
            dns = new DnsServers(config.dns());
            networks.addListener(dns);
            ContainerService containers = new ContainerService(paths, blobs, images, snapshotter, runtime, events,
                    new ContainerMounts(volumes, paths.containers()), networks);
            containers.recover();
            if (config.createBuiltinImages()) {
                try {
                    BuiltinImages.createOnce(paths.dataRoot(), config.busybox(), images,
                            binary -> BusyboxImage.create(blobs, images, binary));
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "built-in images not created: " + e.getMessage());
                }
            }

            HostFacts host = HostFacts.probe(ConmonRuntime.DEFAULT_RUNC, ConmonRuntime.DEFAULT_CONMON);
            Router router = new Router();
            new SystemRoutes(host, containers, images, events, paths.dataRoot(), EngineId.load(paths.dataRoot()),
                    config.registryMirrors()).register(router);
            RegistryHosts registryHosts = new RegistryHosts(Set.copyOf(config.insecureRegistries()),
                    config.registryMirrors());
            RegistryHttp registryHttp = new RegistryHttp(registryHosts);
            PullEndpoint pull = new PullEndpoint(new ImagePuller(registryHttp, registryHosts, blobs, images,
                    new SnapshotUnpacker(snapshotter), CONCURRENT_TRANSFERS), events, json);
            ImageService imageService = new ImageService(images, containers, events, json);
            new ImageRoutes(imageService, new UnpackingImport(blobs, images, snapshotter), pull::pull, json)
                    .register(router);
            new ImageMaintenanceRoutes(imageService, images, new ImagePruner(images, containers, events)).register(router);
            new ArchiveRoutes(images, new ImageArchiveWriter(blobs),
                    new ImageArchiveReader(blobs, images, new SnapshotUnpacker(snapshotter)), events, json).register(router);
            new DiskUsageRoutes(imageService, images, containers, volumes).register(router);
            new DistributionRoutes(new PushEndpoint(new ImagePusher(registryHttp, registryHosts, blobs, images,
                    CONCURRENT_TRANSFERS), images, events, json), new AuthEndpoint(registryHttp, registryHosts))
                    .register(router);
            new EventRoutes(events, json).register(router);
            new ContainerRoutes(containers).register(router);
            BuildCache buildCache = new FileBuildCache(paths.build().resolve("cache"));
            new BuildRoutes(new Builder(blobs, images, snapshotter, runtime, buildCache,
                    new KeptBuildContainers(containers), new BuildBridge(networks), paths.build().resolve("tmp")),
                    buildCache, paths.build().resolve("contexts"), json).register(router);
            new ExecRoutes(containers.execs()).register(router);
            new VolumeRoutes(volumes).register(router);
            new NetworkRoutes(networks, containers).register(router);

            HttpServer server = HttpServer.start(socket, router, json);
            LOG.log(System.Logger.Level.INFO, "API listen on " + socket);
            return new Daemon(config, server, runtime, events, dns, networks);
        } catch (IOException | RuntimeException e) {
            runtime.close();
            if (dns != null) {
                dns.close();
            }
            throw e;
        }
    }

    public DaemonConfig config() {
        return config;
    }

    public Path socket() {
        return server.socket();
    }

    /** Blocks until {@link #close()} ran (the main thread of wharfd waits here). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "stopping: the API closes, containers keep running");
        server.close();
        dns.close();
        networks.releaseIdle();
        try {
            runtime.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the runtime: " + e.getMessage());
        }
        closed.countDown();
    }

    private static void createPrivateDirectory(Path dir, String permissions) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
        }
    }
}

package dev.wharf.engine.containers;

import dev.wharf.api.types.EndpointSettings;
import dev.wharf.api.types.NetworkingConfig;
import dev.wharf.engine.errors.ConflictException;
import dev.wharf.engine.errors.ForbiddenException;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.SystemException;
import dev.wharf.engine.networks.Endpoint;
import dev.wharf.engine.networks.NetworkRecord;
import dev.wharf.engine.networks.NetworkService;
import dev.wharf.network.AttachOptions;
import dev.wharf.network.Attachment;
import dev.wharf.network.NetworkDriver;
import dev.wharf.network.PortMapping;
import dev.wharf.network.PortReservations;
import dev.wharf.runtime.NetworkNamespace;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A container's networking around its run: before the runtime starts it, a namespace of its own
 * joined to its networks through CNI (eth0, eth1…), its published ports held, /etc/hosts and
 * resolv.conf written; after it exited (or a start failed), all of that undone. Runs under the
 * container's lock.
 */
final class ContainerNetworking {
    private static final Logger LOG = System.getLogger(ContainerNetworking.class.getName());

    private final NetworkService networks;
    private final NetworkDriver driver;
    private final PortReservations ports = new PortReservations();
    private final ContainerStore store;
    private final Function<String, Container> containers;
    private final Map<String, PortReservations.Reservation> held = new ConcurrentHashMap<>();

    ContainerNetworking(NetworkService networks, ContainerStore store, Function<String, Container> containers) {
        this.networks = networks;
        this.driver = networks.driver();
        this.store = store;
        this.containers = containers;
    }

    /**
     * Create-time checks, as dockerd's: {@code --ip} only on user-defined networks. A missing network
     * is not one: Docker creates the container and fails its start ({@code network x not found}).
     */
    void validate(String networkMode, NetworkingConfig config) {
        for (var network : requested(networkMode, endpoints(networkMode, config)).entrySet()) {
            String name = network.getKey();
            if (staticIp(network.getValue()) != null && (name.equals("bridge") || name.equals("default"))) {
                throw new InvalidArgumentException("user specified IP address is supported on user defined networks only");
            }
        }
    }

    /**
     * The container's namespace at once; on its networks it is joined meanwhile, on a virtual thread,
     * while the runtime creates the container in the namespace (the CNI ADDs take about as long as
     * {@code runc create}). When the join fails, the caller's failed start tears everything down, after
     * {@link PendingNetwork#settle}.
     */
    PendingNetwork setUp(ContainerRecord record) throws IOException {
        return switch (NetworkMode.parse(record.hostConfig().networkMode())) {
            case NetworkMode.Host host -> PendingNetwork.ready(withEtcFiles(record, NetworkNamespace.HOST));
            case NetworkMode.None none -> PendingNetwork.ready(withEtcFiles(record, NetworkNamespace.FRESH));
            case NetworkMode.Shared shared -> PendingNetwork.ready(withEtcFiles(record, sharedWith(shared.container())));
            case NetworkMode.Network network -> {
                var netns = driver.createNamespace(record.id());
                var joined = new CompletableFuture<Void>();
                Thread.ofVirtual().name("network-" + record.shortId()).start(() -> {
                    try {
                        attachAll(record);
                        joined.complete(null);
                    } catch (Throwable e) {
                        joined.completeExceptionally(e);
                    }
                });
                yield new PendingNetwork(new NetworkNamespace.Join(netns), joined);
            }
        };
    }

    /** Undoes {@link #setUp}, also what a crashed daemon left; never throws (each step logs). */
    void tearDown(ContainerRecord record) {
        String id = record.id();
        try {
            for (Attachment attachment : driver.attachments(id).reversed()) {
                try {
                    driver.detach(attachment);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "CNI DEL of " + id + " on " + attachment.networkName() + " failed", e);
                }
                networks.find(attachment.networkId()).ifPresent(n -> networks.endpointDown(n, id, true));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the network endpoints of " + id, e);
        }
        var reservation = held.remove(id);
        if (reservation != null) {
            reservation.close();
        }
        try {
            driver.removeNamespace(id);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot remove the network namespace of " + id, e);
        }
    }

    /** After a daemon restart: a running container's endpoints count again and its ports are held again. */
    void recoverRunning(ContainerRecord record) {
        try {
            List<PortMapping> mappings = new ArrayList<>();
            for (Attachment attachment : driver.attachments(record.id())) {
                networks.find(attachment.networkId()).ifPresent(n -> networks.endpointUp(n, endpoint(record, attachment), false));
                mappings.addAll(attachment.ports());
            }
            if (!mappings.isEmpty()) {
                held.put(record.id(), ports.reserve(record.id(), record.name(), PortPlan.exactly(mappings)));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot re-adopt the network of " + record.id(), e);
        }
    }

    /** {@code network connect}: the record learns the network; a running container gets its next eth now. */
    void connect(Container container, NetworkRecord network, EndpointSettings settings) throws IOException {
        ContainerRecord record = container.record();
        if (!network.isBridge()) {
            throw new ForbiddenException("container cannot be disconnected from host network or connected to host network");
        }
        if (!(NetworkMode.parse(record.hostConfig().networkMode()) instanceof NetworkMode.Network)) {
            throw new ForbiddenException("container sharing network namespace with another container or host cannot be connected to any other network");
        }
        var requested = requested(record.hostConfig().networkMode(), record.networkingConfig());
        for (String name : requested.keySet()) {
            if (networks.lookup(name).id().equals(network.id())) {
                throw new ForbiddenException("endpoint with name " + record.name() + " already exists in network " + network.name());
            }
        }
        if (staticIp(settings) != null && network.predefined()) {
            throw new InvalidArgumentException("user specified IP address is supported on user defined networks only");
        }
        var endpoints = new LinkedHashMap<>(requested);
        endpoints.put(network.name(), settings == null ? EndpointSettings.builder().build() : settings);
        ContainerRecord updated = record.withNetworkingConfig(new NetworkingConfig(endpoints));
        if (record.state().running()) {
            attachOne(updated, network.name(), settings, driver.attachments(record.id()).size(), List.of());
        }
        container.update(updated);
        store.save(updated);
    }

    /** {@code network disconnect}: the endpoint goes now (if running) and from the record. */
    void disconnect(Container container, NetworkRecord network) throws IOException {
        ContainerRecord record = container.record();
        var requested = requested(record.hostConfig().networkMode(), record.networkingConfig());
        String key = requested.keySet().stream().filter(name -> {
            try {
                return networks.lookup(name).id().equals(network.id());
            } catch (RuntimeException e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new ForbiddenException(
                "container " + record.id() + " is not connected to network " + network.name()));
        for (Attachment attachment : driver.attachments(record.id())) {
            if (attachment.networkId().equals(network.id())) {
                driver.detach(attachment);
                networks.endpointDown(network, record.id(), true);
            }
        }
        var endpoints = new LinkedHashMap<>(requested);
        endpoints.remove(key);
        ContainerRecord updated = record.withNetworkingConfig(new NetworkingConfig(endpoints));
        container.update(updated);
        store.save(updated);
    }

    /** Frees endpoints, namespaces and leases of containers that no longer exist (a crash during rm). */
    void sweep(java.util.Set<String> known) {
        driver.sweep(known);
    }

    NetworkService networks() {
        return networks;
    }

    /** The container's endpoints right now (empty when it is not running). */
    List<Attachment> attachments(String id) {
        try {
            return driver.attachments(id);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The host ports held for a running container. */
    List<PortMapping> published(String id) {
        var reservation = held.get(id);
        return reservation == null ? List.of() : reservation.mappings();
    }

    /** No network of its own, but {@code --add-host} and {@code --dns*} still apply. */
    private NetworkNamespace withEtcFiles(ContainerRecord record, NetworkNamespace namespace) throws IOException {
        writeEtcFiles(record, List.of());
        return namespace;
    }

    private NetworkNamespace sharedWith(String reference) {
        Container other = containers.apply(reference);
        ContainerRecord target = other.record();
        if (!target.state().running()) {
            throw new ConflictException("cannot join network namespace of a non running container: " + target.id());
        }
        return switch (NetworkMode.parse(target.hostConfig().networkMode())) {
            case NetworkMode.Host host -> NetworkNamespace.HOST;
            case NetworkMode.Shared shared -> sharedWith(shared.container());
            case NetworkMode.None none -> new NetworkNamespace.Join(java.nio.file.Path.of("/proc", Long.toString(target.state().pid()), "ns", "net"));
            case NetworkMode.Network network -> new NetworkNamespace.Join(driver.namespacePath(target.id()));
        };
    }

    private void attachAll(ContainerRecord record) throws IOException {
        List<Attachment> attached = new ArrayList<>();
        int index = 0;
        for (var entry : requested(record.hostConfig().networkMode(), record.networkingConfig()).entrySet()) {
            List<dev.wharf.network.PortRequest> plan = index == 0 ? PortPlan.of(record.hostConfig().portBindings(),
                    record.hostConfig().publishAllPorts(), record.config().exposedPorts()) : List.of();
            attached.add(attachOne(record, entry.getKey(), entry.getValue(), index, plan));
            index++;
        }
        writeEtcFiles(record, attached);
    }

    private Attachment attachOne(ContainerRecord record, String networkReference, EndpointSettings settings, int index,
            List<dev.wharf.network.PortRequest> plan) throws IOException {
        String id = record.id();
        NetworkRecord network = networks.reserveEndpoint(networkReference,
                new Endpoint(id, record.name(), "", "", "", dnsNames(record, settings)));
        try {
            List<PortMapping> mappings = List.of();
            if (!plan.isEmpty() && !network.internal()) {
                var reservation = ports.reserve(id, record.name(), plan);
                held.put(id, reservation);
                mappings = reservation.mappings();
            }
            String mac = settings == null || settings.macAddress() == null || settings.macAddress().isEmpty()
                    ? record.config().macAddress() : settings.macAddress();
            Attachment attachment = driver.attach(id, network.id(), network.cni(), "eth" + index,
                    new AttachOptions(staticIp(settings), mac == null || mac.isEmpty() ? null : mac, mappings));
            networks.endpointUp(network, endpoint(record, attachment), true);
            return attachment;
        } catch (dev.wharf.network.NetworkException e) {
            networks.endpointDown(network, id, false);
            throw new SystemException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            networks.endpointDown(network, id, false);
            throw e;
        }
    }

    private void writeEtcFiles(ContainerRecord record, List<Attachment> attached) throws IOException {
        Attachment primary = attached.isEmpty() ? null : attached.getFirst();
        String embeddedDns = null;
        if (primary != null) {
            NetworkRecord network = networks.find(primary.networkId()).orElse(null);
            if (network != null && network.embeddedDns()) {
                embeddedDns = network.gateway();
            }
        }
        store.writeNetworkEtcFiles(record, primary == null ? null : primary.ipAddress(),
                EtcFiles.extraHosts(record.hostConfig().extraHosts(), networks.defaultBridge().gateway()), embeddedDns);
    }

    private Endpoint endpoint(ContainerRecord record, Attachment attachment) {
        EndpointSettings settings = settingsFor(record, attachment.networkId());
        return new Endpoint(record.id(), record.name(), attachment.endpointId(), attachment.macAddress(),
                attachment.ipAddress() + "/" + attachment.prefixLength(), dnsNames(record, settings));
    }

    /**
     * The container's settings for that network, whichever way its config names it: by name (the docker
     * CLI, compose) or by ID (docker-java, so Testcontainers' network aliases).
     */
    private EndpointSettings settingsFor(ContainerRecord record, String networkId) {
        for (var entry : requested(record.hostConfig().networkMode(), record.networkingConfig()).entrySet()) {
            try {
                if (networks.lookup(entry.getKey()).id().equals(networkId)) {
                    return entry.getValue();
                }
            } catch (RuntimeException gone) {
                // a network removed meanwhile is not this one
            }
        }
        return null;
    }

    /** Docker's order: the container's name, its aliases on the network, its short ID. */
    private static List<String> dnsNames(ContainerRecord record, EndpointSettings settings) {
        List<String> names = new ArrayList<>();
        names.add(record.name());
        if (settings != null && settings.aliases() != null) {
            settings.aliases().stream().filter(a -> !names.contains(a)).forEach(names::add);
        }
        names.add(record.shortId());
        return names;
    }

    /**
     * What create stores: the networks to join, primary first (the NetworkMode's, then the others of
     * EndpointsConfig). From then on the stored endpoints are the container's networks: connect and
     * disconnect change them, never its NetworkMode (Docker keeps that too, so a container disconnected from
     * every network can be connected again).
     */
    static NetworkingConfig endpoints(String networkMode, NetworkingConfig config) {
        var networks = new LinkedHashMap<String, EndpointSettings>();
        NetworkMode mode = NetworkMode.parse(networkMode);
        if (!(mode instanceof NetworkMode.Network primary)) {
            return config;
        }
        Map<String, EndpointSettings> endpoints = config == null || config.endpointsConfig() == null
                ? Map.of() : config.endpointsConfig();
        String primaryKey = primary.reference();
        EndpointSettings primarySettings = endpoints.get(primaryKey);
        if (primarySettings == null && primaryKey.equals("bridge")) {
            primarySettings = endpoints.get("default");
        }
        networks.put(primaryKey, primarySettings == null ? EndpointSettings.builder().build() : primarySettings);
        endpoints.forEach((name, settings) -> {
            if (!name.equals(primaryKey) && !name.equals("default") && !(primaryKey.equals("bridge") && name.equals("bridge"))) {
                networks.put(name, settings == null ? EndpointSettings.builder().build() : settings);
            }
        });
        return new NetworkingConfig(networks);
    }

    /** The container's networks, primary first: its stored endpoints (a record without any: its NetworkMode's). */
    static Map<String, EndpointSettings> requested(String networkMode, NetworkingConfig stored) {
        if (!(NetworkMode.parse(networkMode) instanceof NetworkMode.Network)) {
            return new LinkedHashMap<>();
        }
        if (stored == null || stored.endpointsConfig() == null) {
            return new LinkedHashMap<>(endpoints(networkMode, null).endpointsConfig());
        }
        return new LinkedHashMap<>(stored.endpointsConfig());
    }

    private static String staticIp(EndpointSettings settings) {
        if (settings == null || settings.ipamConfig() == null) {
            return null;
        }
        String ip = settings.ipamConfig().ipv4Address();
        return ip == null || ip.isEmpty() ? null : ip;
    }
}

package dev.wharf.engine.networks;

import dev.wharf.api.types.Ipam;
import dev.wharf.api.types.NetworkCreateRequest;
import dev.wharf.api.types.NetworkCreateResponse;
import dev.wharf.api.types.NetworkPruneResponse;
import dev.wharf.api.types.NetworkResource;
import dev.wharf.engine.errors.ConflictException;
import dev.wharf.engine.errors.ForbiddenException;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.NotFoundException;
import dev.wharf.engine.errors.SystemException;
import dev.wharf.engine.events.EventBus;
import dev.wharf.engine.filters.Filters;
import dev.wharf.network.Ipv4;
import dev.wharf.network.NetworkDriver;
import dev.wharf.network.Subnet;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Networks: the built-in {@code bridge}, {@code host} and {@code none}, user-defined bridge networks,
 * and the endpoints of running containers on them. Creating, removing and joining a network take the
 * service's lock, so a network cannot go while a container is being attached to it.
 */
public final class NetworkService {
    private static final System.Logger LOG = System.getLogger(NetworkService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final Set<String> LIST_FILTERS = Set.of("dangling", "driver", "id", "label", "name", "scope", "type");

    private final NetworkStore store;
    private final NetworkDriver driver;
    private final NetworkEvents events;
    private final SubnetPool pool;
    private final Map<String, NetworkRecord> networks = new ConcurrentHashMap<>();
    /** network ID → container ID → endpoint. */
    private final Map<String, Map<String, Endpoint>> endpoints = new ConcurrentHashMap<>();
    private final List<EndpointListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Told when endpoints come and go (the DNS server). */
    public interface EndpointListener {
        void changed(NetworkRecord network, Map<String, Endpoint> endpoints);
    }

    public NetworkService(Path dir, NetworkFlags flags, NetworkDriver driver, EventBus events) throws IOException {
        this.store = new NetworkStore(dir);
        this.driver = driver;
        this.events = new NetworkEvents(events);
        this.pool = new SubnetPool(flags.poolBase(), flags.poolSize());
        for (NetworkRecord record : store.loadAll()) {
            networks.put(record.id(), record);
        }
        ensurePredefined(flags);
    }

    public void addListener(EndpointListener listener) {
        listeners.add(listener);
    }

    public NetworkDriver driver() {
        return driver;
    }

    /** The default {@code bridge} network, as {@code --bridge} and {@code --bip} define it. */
    public NetworkRecord defaultBridge() {
        return byName("bridge").orElseThrow();
    }

    /** Docker's lookup: full ID, exact name, then a unique ID prefix; 404 {@code network x not found}. */
    public NetworkRecord lookup(String reference) {
        NetworkRecord byId = networks.get(reference);
        if (byId != null) {
            return byId;
        }
        Optional<NetworkRecord> named = byName(reference);
        if (named.isPresent()) {
            return named.get();
        }
        List<NetworkRecord> prefixed = networks.values().stream().filter(n -> n.id().startsWith(reference)).toList();
        if (prefixed.size() == 1 && !reference.isEmpty()) {
            return prefixed.getFirst();
        }
        if (prefixed.size() > 1) {
            throw new InvalidArgumentException("network " + reference + " is ambiguous (" + prefixed.size() + " matches found based on ID prefix)");
        }
        throw new NotFoundException("network " + reference + " not found");
    }

    public synchronized NetworkCreateResponse create(NetworkCreateRequest request) throws IOException {
        if (request == null || request.name() == null || request.name().isEmpty()) {
            throw new InvalidArgumentException("network name must be provided");
        }
        String name = request.name();
        if (!NAME.matcher(name).matches()) {
            throw new InvalidArgumentException("invalid network name \"" + name + "\": it must match " + NAME);
        }
        if (byName(name).isPresent()) {
            throw new ConflictException("network with name " + name + " already exists");
        }
        String driverName = request.driver() == null || request.driver().isEmpty() ? "bridge" : request.driver();
        if (!driverName.equals("bridge")) {
            throw new NotFoundException("plugin \"" + driverName + "\" not found");
        }
        Ipam.Config ipam = request.ipam() == null || request.ipam().config() == null || request.ipam().config().isEmpty()
                ? null : request.ipam().config().getFirst();
        Subnet subnet = subnetFor(ipam);
        String gateway = gatewayFor(ipam, subnet);
        String ipRange = ipRangeFor(ipam, subnet);
        String id = newId();
        var record = new NetworkRecord(id, name, "bridge", Instant.now().toString(), subnet.toString(), gateway, ipRange,
                request.internal(), request.attachable(), request.labels(), request.options(),
                bridgeName(request.options(), id));
        store.save(record);
        networks.put(id, record);
        events.publish(record, "create", Map.of());
        return new NetworkCreateResponse(id, "");
    }

    public List<NetworkResource> list(Filters filters) {
        filters.accept(LIST_FILTERS);
        if (filters.has("type")) {
            for (String type : filters.get("type")) {
                if (!type.equals("custom") && !type.equals("builtin")) {
                    throw new InvalidArgumentException("invalid filter: 'type'='" + type + "'");
                }
            }
        }
        return networks.values().stream()
                .filter(n -> matches(n, filters))
                .sorted(Comparator.comparing(NetworkRecord::created))
                .map(n -> NetworkViews.resource(n, Map.of()))
                .toList();
    }

    public NetworkResource inspect(String reference) {
        NetworkRecord record = lookup(reference);
        return NetworkViews.resource(record, endpoints.getOrDefault(record.id(), Map.of()));
    }

    public synchronized void remove(String reference) throws IOException {
        NetworkRecord record = lookup(reference);
        if (record.predefined()) {
            throw new ForbiddenException(record.name() + " is a pre-defined network and cannot be removed");
        }
        Map<String, Endpoint> active = endpoints.getOrDefault(record.id(), Map.of());
        if (!active.isEmpty()) {
            Endpoint first = active.values().iterator().next();
            throw new ForbiddenException("error while removing network: network " + record.name() + " has active endpoints"
                    + " (name:\"" + first.containerName() + "\" id:\"" + first.containerId().substring(0, 12) + "\")");
        }
        try {
            driver.removeNetwork(record.cni());
        } catch (IOException e) {
            throw new SystemException("error while removing network " + record.name() + ": " + e.getMessage(), e);
        }
        store.delete(record.id());
        networks.remove(record.id());
        endpoints.remove(record.id());
        listeners.forEach(l -> l.changed(record, Map.of()));
        events.publish(record, "destroy", Map.of());
    }

    /** The daemon stops: networks without endpoints give up their host rules (running containers keep theirs). */
    public void releaseIdle() {
        for (NetworkRecord record : List.copyOf(networks.values())) {
            if (record.isBridge() && endpoints.getOrDefault(record.id(), Map.of()).isEmpty()) {
                try {
                    driver.release(record.cni());
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot release the rules of network " + record.name(), e);
                }
            }
        }
    }

    /** Removes the user-defined networks without endpoints (and matching the filters). */
    public NetworkPruneResponse prune(Filters filters) throws IOException {
        filters.accept(Set.of("label", "label!", "until"));
        List<String> deleted = new ArrayList<>();
        for (NetworkRecord record : List.copyOf(networks.values())) {
            if (record.predefined() || !filters.matchLabels("label", record.labels())
                    || (filters.has("label!") && !filters.get("label!").isEmpty()
                            && filters.matchLabels("label!", record.labels()))) {
                continue;
            }
            try {
                remove(record.id());
                deleted.add(record.name());
            } catch (ForbiddenException inUse) {
                // has endpoints: kept, as Docker does
            }
        }
        return new NetworkPruneResponse(deleted);
    }

    /** Registers an endpoint before its CNI ADD, so the network cannot be removed meanwhile. */
    public synchronized NetworkRecord reserveEndpoint(String networkReference, Endpoint pending) {
        NetworkRecord record = lookup(networkReference);
        endpoints.computeIfAbsent(record.id(), k -> new ConcurrentHashMap<>()).put(pending.containerId(), pending);
        return record;
    }

    /** The endpoint is up (after ADD, or found again after a daemon restart). */
    public void endpointUp(NetworkRecord network, Endpoint endpoint, boolean announce) {
        var onNetwork = endpoints.computeIfAbsent(network.id(), k -> new ConcurrentHashMap<>());
        onNetwork.put(endpoint.containerId(), endpoint);
        listeners.forEach(l -> l.changed(network, Map.copyOf(onNetwork)));
        if (announce) {
            events.publish(network, "connect", Map.of("container", endpoint.containerId()));
        }
    }

    /** @param announce false for a reservation whose ADD failed: no connect was published */
    public void endpointDown(NetworkRecord network, String containerId, boolean announce) {
        var onNetwork = endpoints.getOrDefault(network.id(), new ConcurrentHashMap<>());
        if (onNetwork.remove(containerId) != null) {
            listeners.forEach(l -> l.changed(network, Map.copyOf(onNetwork)));
            if (announce) {
                events.publish(network, "disconnect", Map.of("container", containerId));
            }
        }
    }

    public Optional<NetworkRecord> find(String id) {
        return Optional.ofNullable(networks.get(id));
    }

    private Optional<NetworkRecord> byName(String name) {
        return networks.values().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    private boolean matches(NetworkRecord n, Filters filters) {
        boolean builtin = n.predefined();
        return filters.exactMatch("driver", n.driver())
                && filters.fuzzyMatch("id", n.id())
                && (!filters.has("name") || filters.get("name").stream().anyMatch(n.name()::contains))
                && filters.matchLabels("label", n.labels())
                && filters.exactMatch("scope", "local")
                && (!filters.has("type") || filters.get("type").contains(builtin ? "builtin" : "custom"))
                && (!filters.has("dangling") || danglingMatches(n, filters.get("dangling")));
    }

    private boolean danglingMatches(NetworkRecord n, Set<String> values) {
        boolean dangling = !n.predefined() && endpoints.getOrDefault(n.id(), Map.of()).isEmpty();
        return values.stream().anyMatch(v -> Boolean.parseBoolean(v) == dangling || (v.equals("1") && dangling)
                || (v.equals("0") && !dangling));
    }

    private Subnet subnetFor(Ipam.Config ipam) {
        List<Subnet> taken = networks.values().stream().filter(NetworkRecord::isBridge)
                .map(n -> Subnet.parse(n.subnet())).toList();
        if (ipam == null || ipam.subnet() == null || ipam.subnet().isEmpty()) {
            return pool.next(taken).orElseThrow(() -> new ForbiddenException(
                    "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network"));
        }
        Subnet subnet;
        try {
            subnet = Subnet.parse(ipam.subnet());
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("invalid CIDR address: " + ipam.subnet());
        }
        if (taken.stream().anyMatch(subnet::overlaps)) {
            throw new ForbiddenException("Pool overlaps with other one on this address space");
        }
        return subnet;
    }

    private static String gatewayFor(Ipam.Config ipam, Subnet subnet) {
        if (ipam == null || ipam.gateway() == null || ipam.gateway().isEmpty()) {
            return Ipv4.format(subnet.address(1));
        }
        if (!Ipv4.isValid(ipam.gateway()) || !subnet.contains(Ipv4.parse(ipam.gateway()))) {
            throw new ForbiddenException("no matching subnet for gateway " + ipam.gateway());
        }
        return ipam.gateway();
    }

    private static String ipRangeFor(Ipam.Config ipam, Subnet subnet) {
        if (ipam == null || ipam.ipRange() == null || ipam.ipRange().isEmpty()) {
            return null;
        }
        Subnet range;
        try {
            range = Subnet.parse(ipam.ipRange());
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("invalid CIDR address: " + ipam.ipRange());
        }
        if (range.prefix() < subnet.prefix() || !subnet.contains(range.base())) {
            throw new ForbiddenException("no matching subnet for range " + ipam.ipRange());
        }
        return range.toString();
    }

    /** Docker's {@code br-<12 hex digits of the ID>}, or the name given in {@code com.docker.network.bridge.name}. */
    private static String bridgeName(Map<String, String> options, String id) {
        String given = options == null ? null : options.get("com.docker.network.bridge.name");
        return given != null && !given.isEmpty() ? given : "br-" + id.substring(0, 12);
    }

    private void ensurePredefined(NetworkFlags flags) throws IOException {
        Subnet bridgeSubnet = Subnet.parse(flags.bip());
        String gateway = flags.bip().substring(0, flags.bip().indexOf('/'));
        var options = new LinkedHashMap<String, String>();
        options.put("com.docker.network.bridge.default_bridge", "true");
        options.put("com.docker.network.bridge.enable_icc", "true");
        options.put("com.docker.network.bridge.enable_ip_masquerade", "true");
        options.put("com.docker.network.bridge.host_binding_ipv4", "0.0.0.0");
        options.put("com.docker.network.bridge.name", flags.bridge());
        options.put("com.docker.network.driver.mtu", "1500");
        NetworkRecord bridge = byName("bridge").orElse(null);
        String bridgeId = bridge == null ? newId() : bridge.id();
        String created = bridge == null ? Instant.now().toString() : bridge.created();
        var wanted = new NetworkRecord(bridgeId, "bridge", "bridge", created, bridgeSubnet.toString(), gateway, null,
                false, false, Map.of(), options, flags.bridge());
        if (!wanted.equals(bridge)) {
            store.save(wanted);
            networks.put(bridgeId, wanted);
        }
        for (String[] pseudo : new String[][] {{"host", "host"}, {"none", "null"}}) {
            if (byName(pseudo[0]).isEmpty()) {
                var record = new NetworkRecord(newId(), pseudo[0], pseudo[1], Instant.now().toString(), null, null, null,
                        false, false, Map.of(), Map.of(), null);
                store.save(record);
                networks.put(record.id(), record);
            }
        }
    }

    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

package dev.wharf.engine.containers;

import dev.wharf.api.types.EndpointSettings;
import dev.wharf.api.types.NetworkSettings;
import dev.wharf.api.types.Port;
import dev.wharf.api.types.PortBinding;
import dev.wharf.api.types.SummaryNetworkSettings;
import dev.wharf.engine.networks.NetworkRecord;
import dev.wharf.network.Attachment;
import dev.wharf.network.PortMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A container's NetworkSettings for inspect and the ports and networks of its ps summary. */
final class ContainerNetworkViews {
    private ContainerNetworkViews() {}

    static NetworkSettings settings(ContainerRecord record, ContainerNetworking networking) {
        boolean running = record.state().running();
        List<Attachment> attachments = running ? networking.attachments(record.id()) : List.of();
        var builder = NetworkSettings.builder()
                .ports(running ? ports(record, networking.published(record.id())) : Map.of())
                .networks(networks(record, networking, attachments));
        if (!attachments.isEmpty()) {
            builder.sandboxKey(attachments.getFirst().netns().toString())
                    .sandboxId(attachments.getFirst().endpointId());
        }
        attachments.stream().filter(a -> a.networkName().equals("bridge")).findFirst().ifPresent(a -> builder
                .endpointId(a.endpointId()).gateway(a.gateway()).ipAddress(a.ipAddress()).ipPrefixLen(a.prefixLength())
                .macAddress(a.macAddress()));
        return builder.build();
    }

    static List<Port> ports(ContainerRecord record, ContainerNetworking networking) {
        if (!record.state().running()) {
            return List.of();
        }
        List<Port> ports = new ArrayList<>();
        List<PortMapping> published = networking.published(record.id());
        for (PortMapping m : published) {
            ports.add(new Port(m.hostIp().isEmpty() ? "0.0.0.0" : m.hostIp(), m.containerPort(), m.hostPort(), m.protocol()));
        }
        for (String exposed : exposed(record)) {
            String[] pp = exposed.split("/", 2);
            int port = Integer.parseInt(pp[0]);
            String proto = pp.length > 1 ? pp[1] : "tcp";
            if (published.stream().noneMatch(m -> m.containerPort() == port && m.protocol().equals(proto))) {
                ports.add(new Port(null, port, null, proto));
            }
        }
        return ports;
    }

    static SummaryNetworkSettings summary(ContainerRecord record, ContainerNetworking networking) {
        List<Attachment> attachments = record.state().running() ? networking.attachments(record.id()) : List.of();
        return new SummaryNetworkSettings(networks(record, networking, attachments));
    }

    /** Docker's Ports map: every exposed or published port, with its host bindings or null. */
    private static Map<String, List<PortBinding>> ports(ContainerRecord record, List<PortMapping> published) {
        Map<String, List<PortBinding>> ports = new TreeMap<>();
        for (String exposed : exposed(record)) {
            ports.put(exposed.contains("/") ? exposed : exposed + "/tcp", null);
        }
        for (PortMapping m : published) {
            String key = m.containerPort() + "/" + m.protocol();
            List<PortBinding> list = ports.get(key) == null ? new ArrayList<>() : new ArrayList<>(ports.get(key));
            list.add(new PortBinding(m.hostIp().isEmpty() ? "0.0.0.0" : m.hostIp(), Integer.toString(m.hostPort())));
            ports.put(key, list);
        }
        return ports;
    }

    private static List<String> exposed(ContainerRecord record) {
        var exposed = record.config().exposedPorts();
        return exposed == null ? List.of() : List.copyOf(exposed.keySet());
    }

    /** The configured networks, with live addresses where the container is attached. */
    private static Map<String, EndpointSettings> networks(ContainerRecord record, ContainerNetworking networking,
            List<Attachment> attachments) {
        Map<String, EndpointSettings> networks = new LinkedHashMap<>();
        NetworkMode mode = NetworkMode.parse(record.hostConfig().networkMode());
        if (mode instanceof NetworkMode.None || mode instanceof NetworkMode.Host) {
            String name = mode instanceof NetworkMode.None ? "none" : "host";
            Optional<NetworkRecord> network = lookup(networking, name);
            networks.put(name, EndpointSettings.builder().networkId(network.map(NetworkRecord::id).orElse("")).build());
            return networks;
        }
        for (var requested : ContainerNetworking.requested(record.hostConfig().networkMode(), record.networkingConfig())
                .entrySet()) {
            Optional<NetworkRecord> network = lookup(networking, requested.getKey());
            String name = network.map(NetworkRecord::name).orElse(requested.getKey());
            EndpointSettings config = requested.getValue();
            var builder = EndpointSettings.builder()
                    .networkId(network.map(NetworkRecord::id).orElse(""))
                    .aliases(aliases(record, config, network.filter(NetworkRecord::embeddedDns).isPresent()))
                    .ipamConfig(config == null ? null : config.ipamConfig())
                    .links(null)
                    .driverOpts(null);
            attachments.stream().filter(a -> a.networkName().equals(name)).findFirst().ifPresent(a -> builder
                    .endpointId(a.endpointId()).gateway(a.gateway()).ipAddress(a.ipAddress())
                    .ipPrefixLen(a.prefixLength()).macAddress(a.macAddress())
                    .dnsNames(network.filter(NetworkRecord::embeddedDns).isPresent()
                            ? List.of(record.name(), record.shortId()) : null));
            networks.put(name, builder.build());
        }
        return networks;
    }

    /**
     * The aliases asked for at create or connect; on a user-defined network also the short ID, as
     * Docker reports them up to API 1.44 (docker-compose 1.29 relies on it to leave a new container's
     * endpoint alone instead of disconnecting and reconnecting it).
     */
    private static List<String> aliases(ContainerRecord record, EndpointSettings config, boolean userDefined) {
        List<String> aliases = new ArrayList<>(config == null || config.aliases() == null ? List.of() : config.aliases());
        if (userDefined && !aliases.contains(record.shortId())) {
            aliases.add(record.shortId());
        }
        return aliases.isEmpty() && (config == null || config.aliases() == null) ? null : aliases;
    }

    private static Optional<NetworkRecord> lookup(ContainerNetworking networking, String reference) {
        try {
            return Optional.of(networking.networks().lookup(reference));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

package dev.wharf.cli.command;

import dev.wharf.api.types.ContainerConfig;
import dev.wharf.api.types.EndpointIpamConfig;
import dev.wharf.api.types.EndpointSettings;
import dev.wharf.api.types.HostConfig;
import dev.wharf.api.types.NetworkingConfig;
import dev.wharf.api.types.PortBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;
import picocli.CommandLine.PicocliException;

/** The network flags of {@code run} (and later {@code create}), turned into the request as the docker CLI does. */
public final class NetworkOptions {
    @Option(names = {"--network", "--net"}, description = "Connect a container to a network.")
    private List<String> networks = new ArrayList<>();

    @Option(names = {"--network-alias", "--net-alias"}, description = "Add network-scoped alias for the container.")
    private List<String> aliases = new ArrayList<>();

    @Option(names = {"-p", "--publish"}, description = "Publish a container's port(s) to the host.")
    private List<String> publish = new ArrayList<>();

    @Option(names = {"-P", "--publish-all"}, description = "Publish all exposed ports to random ports.")
    private boolean publishAll;

    @Option(names = "--expose", description = "Expose a port or a range of ports.")
    private List<String> expose = new ArrayList<>();

    @Option(names = "--ip", description = "IPv4 address (e.g., 172.30.100.104).")
    private String ip;

    @Option(names = "--mac-address", description = "Container MAC address (e.g., 92:d0:c6:0a:29:33).")
    private String macAddress;

    @Option(names = "--add-host", description = "Add a custom host-to-IP mapping (host:ip).")
    private List<String> addHosts = new ArrayList<>();

    @Option(names = "--dns", description = "Set custom DNS servers.")
    private List<String> dns = new ArrayList<>();

    @Option(names = "--dns-search", description = "Set custom DNS search domains.")
    private List<String> dnsSearch = new ArrayList<>();

    @Option(names = {"--dns-option", "--dns-opt"}, description = "Set DNS options.")
    private List<String> dnsOptions = new ArrayList<>();

    String networkMode() {
        return networks.isEmpty() ? "default" : networks.getFirst();
    }

    void apply(ContainerConfig.Builder config, HostConfig.Builder host) {
        Map<String, List<PortBinding>> bindings = new TreeMap<>();
        Map<String, Map<String, Object>> exposed = new TreeMap<>();
        for (String spec : publish) {
            PortSpecs.parse(spec).forEach((port, binding) -> {
                bindings.computeIfAbsent(port, k -> new ArrayList<>()).add(binding);
                exposed.put(port, Map.of());
            });
        }
        for (String spec : expose) {
            PortSpecs.exposed(spec).forEach(port -> exposed.put(port, Map.of()));
        }
        if (!exposed.isEmpty()) {
            config.exposedPorts(exposed);
        }
        host.networkMode(networkMode())
                .portBindings(bindings)
                .publishAllPorts(publishAll)
                .extraHosts(addHosts.isEmpty() ? null : addHosts.stream().map(h -> h.replaceFirst("=", ":")).toList())
                .dns(dns)
                .dnsSearch(dnsSearch)
                .dnsOptions(dnsOptions);
    }

    /** One endpoint per {@code --network}; --ip, --mac-address and aliases go to the first one, as in docker. */
    NetworkingConfig networkingConfig() {
        var endpoints = new LinkedHashMap<String, EndpointSettings>();
        List<String> names = networks.isEmpty() ? List.of("default") : networks;
        for (int i = 0; i < names.size(); i++) {
            var endpoint = EndpointSettings.builder();
            if (i == 0) {
                if (ip != null || !aliases.isEmpty() || macAddress != null) {
                    if ((names.getFirst().equals("default") || names.getFirst().equals("bridge")) && !aliases.isEmpty()) {
                        throw new PicocliException("network-scoped aliases are only supported for user-defined networks");
                    }
                }
                if (ip != null) {
                    endpoint.ipamConfig(new EndpointIpamConfig(ip, null, null));
                }
                endpoint.aliases(aliases.isEmpty() ? null : aliases);
                endpoint.macAddress(macAddress == null ? "" : macAddress);
            }
            endpoints.put(names.get(i), endpoint.build());
        }
        return new NetworkingConfig(endpoints);
    }
}

package dev.wharf.engine.networks;

import dev.wharf.api.types.Ipam;
import dev.wharf.api.types.NetworkContainer;
import dev.wharf.api.types.NetworkResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A network record as the Engine API shows it. */
final class NetworkViews {
    private NetworkViews() {}

    static NetworkResource resource(NetworkRecord n, Map<String, Endpoint> endpoints) {
        List<Ipam.Config> pools = n.subnet() == null ? List.of()
                : List.of(new Ipam.Config(n.subnet(), n.ipRange(), n.gateway(), null));
        var containers = new LinkedHashMap<String, NetworkContainer>();
        endpoints.values().stream().filter(e -> !e.address().isEmpty()).forEach(e -> containers.put(e.containerId(),
                new NetworkContainer(e.containerName(), e.endpointId(), e.macAddress(), e.address(), "")));
        return new NetworkResource(n.name(), n.id(), n.created(), "local", n.driver(), false,
                new Ipam("default", n.predefined() ? null : Map.of(), pools), n.internal(), n.attachable(), false,
                new NetworkResource.ConfigReference(""), false, containers, n.options(), n.labels());
    }
}

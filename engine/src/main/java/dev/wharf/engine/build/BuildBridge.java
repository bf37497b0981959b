package dev.wharf.engine.build;

import dev.wharf.build.BuildNetwork;
import dev.wharf.engine.containers.EtcFiles;
import dev.wharf.engine.networks.Endpoint;
import dev.wharf.engine.networks.NetworkRecord;
import dev.wharf.engine.networks.NetworkService;
import dev.wharf.network.AttachOptions;
import dev.wharf.network.Attachment;
import dev.wharf.network.NetworkDriver;
import dev.wharf.runtime.NetworkNamespace;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * RUN containers of a build on the default bridge, as dockerd's classic builder runs them: a namespace of their
 * own with eth0 on {@code bridge} (address, default route), the host's resolv.conf without loopback servers and
 * a hosts file with the container's address. Every endpoint is counted on the network while it exists (so the
 * network's rules are in place and it cannot be removed meanwhile) and gone after the step.
 */
public final class BuildBridge implements BuildNetwork {
    private static final System.Logger LOG = System.getLogger(BuildBridge.class.getName());

    private final NetworkService networks;
    private final NetworkDriver driver;

    public BuildBridge(NetworkService networks) {
        this.networks = networks;
        this.driver = networks.driver();
    }

    @Override
    public Joined join(String containerId, Path dir) throws IOException {
        String hostname = containerId.substring(0, 12);
        NetworkRecord network = networks.reserveEndpoint("bridge", new Endpoint(containerId, hostname, "", "", "", List.of()));
        try {
            Path netns = driver.createNamespace(containerId);
            Attachment eth0 = driver.attach(containerId, network.id(), network.cni(), "eth0",
                    new AttachOptions(null, null, List.of()));
            networks.endpointUp(network, new Endpoint(containerId, hostname, eth0.endpointId(), eth0.macAddress(),
                    eth0.ipAddress() + "/" + eth0.prefixLength(), List.of()), false);
            Path hosts = dir.resolve(containerId + ".hosts");
            Path resolvConf = dir.resolve(containerId + ".resolv.conf");
            Files.writeString(hosts, EtcFiles.hosts(hostname, "", eth0.ipAddress(), List.of()), StandardCharsets.UTF_8);
            Files.writeString(resolvConf, EtcFiles.resolvConf(EtcFiles.readHostResolvConf(EtcFiles.HOST_RESOLV_CONF)),
                    StandardCharsets.UTF_8);
            return new Joined(new NetworkNamespace.Join(netns), Map.of("/etc/hosts", hosts, "/etc/resolv.conf", resolvConf));
        } catch (IOException | RuntimeException e) {
            leave(containerId);
            throw e;
        }
    }

    @Override
    public void leave(String containerId) {
        try {
            for (Attachment attachment : driver.attachments(containerId).reversed()) {
                driver.detach(attachment);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot detach the build container " + containerId + " from the default bridge", e);
        }
        networks.endpointDown(networks.defaultBridge(), containerId, false);
        try {
            driver.removeNamespace(containerId);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot remove the network namespace of the build container " + containerId, e);
        }
    }
}

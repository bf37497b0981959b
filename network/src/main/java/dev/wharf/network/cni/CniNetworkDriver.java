package dev.wharf.network.cni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.linux.NetNamespaces;
import dev.wharf.network.AttachOptions;
import dev.wharf.network.Attachment;
import dev.wharf.network.BridgeNetwork;
import dev.wharf.network.NetworkDriver;
import dev.wharf.network.PortMapping;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@link NetworkDriver} on the CNI plugins. Layout under its root (the exec root's
 * {@code network/}): {@code netns/<cid>} namespace files, {@code endpoints/<cid>/<net>.json} the
 * stored ADDs, {@code ipam/<net>/} host-local's leases.
 */
public final class CniNetworkDriver implements NetworkDriver {
    private static final Logger LOG = System.getLogger(CniNetworkDriver.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final CniChain chain;
    private final AttachmentStore store;
    private final BridgeRules rules = new BridgeRules();
    /** Endpoints being detached: their ports are gone from the rules before their stored ADD is. */
    private final Set<String> leaving = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public CniNetworkDriver(Path root, Path pluginDir) {
        this.root = root;
        this.chain = new CniChain(new CniPluginRunner(pluginDir));
        this.store = new AttachmentStore(root.resolve("endpoints"));
    }

    @Override
    public Path namespacePath(String containerId) {
        return root.resolve("netns").resolve(containerId);
    }

    @Override
    public Path createNamespace(String containerId) throws IOException {
        Path file = namespacePath(containerId);
        NetNamespaces.remove(file); // a half-made one from a crash
        NetNamespaces.create(file);
        return file;
    }

    @Override
    public void removeNamespace(String containerId) throws IOException {
        NetNamespaces.remove(namespacePath(containerId));
    }

    @Override
    public Attachment attach(String containerId, String networkId, BridgeNetwork network, String ifname,
            AttachOptions options) throws IOException {
        StringBuilder args = new StringBuilder("IgnoreUnknown=1");
        ObjectNode runtimeConfig = JSON.createObjectNode();
        if (options.ip() != null) {
            args.append(";IP=").append(options.ip());
        }
        if (options.mac() != null) {
            runtimeConfig.put("mac", options.mac());
        }
        if (!options.ports().isEmpty()) {
            var mappings = runtimeConfig.putArray("portMappings");
            for (PortMapping port : options.ports()) {
                mappings.addObject().put("hostPort", port.hostPort()).put("containerPort", port.containerPort())
                        .put("protocol", port.protocol()).put("hostIP", port.hostIp());
            }
        }
        var attachment = new Attachment(containerId, networkId, network.name(), newEndpointId(), ifname,
                namespacePath(containerId), args.toString(),
                BridgeConflist.of(network, root.resolve("ipam"), options.ip() != null), runtimeConfig, null);
        rules.ensure(network, () -> published(networkId));
        store.save(attachment); // before ADD: a crash during it still leads to a DEL
        try {
            JsonNode result = chain.add(attachment.conflist(), invocation(CniCommand.ADD, attachment), runtimeConfig);
            attachment = attachment.withResult(result);
            store.save(attachment);
            if (!options.ports().isEmpty()) {
                rules.publish(network.bridge(), () -> published(networkId));
            }
            return attachment;
        } catch (IOException | RuntimeException e) {
            try {
                detach(attachment); // a failed ADD can leave a veth or a lease (cni.md §5)
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    @Override
    public void detach(Attachment attachment) throws IOException {
        String key = attachment.containerId() + "/" + attachment.networkId();
        leaving.add(key);
        try {
            if (!attachment.ports().isEmpty()) {
                rules.publish(attachment.bridge(), () -> published(attachment.networkId()));
            }
            chain.delete(attachment.conflist(), invocation(CniCommand.DEL, attachment), attachment.runtimeConfig(),
                    attachment.result());
            store.delete(attachment);
        } finally {
            leaving.remove(key);
        }
    }

    @Override
    public List<Attachment> attachments(String containerId) throws IOException {
        return store.of(containerId);
    }

    @Override
    public void sweep(Set<String> known) {
        try {
            for (String containerId : store.containers()) {
                if (!known.contains(containerId)) {
                    for (Attachment attachment : store.of(containerId).reversed()) {
                        detach(attachment);
                    }
                }
            }
            Path netns = root.resolve("netns");
            if (Files.isDirectory(netns)) {
                try (Stream<Path> files = Files.list(netns)) {
                    for (Path file : files.toList()) {
                        if (!known.contains(file.getFileName().toString())) {
                            NetNamespaces.remove(file);
                        }
                    }
                }
            }
            new Leases(root.resolve("ipam")).releaseAllBut(known);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot free the network state of removed containers", e);
        }
    }

    @Override
    public void removeNetwork(BridgeNetwork network) throws IOException {
        dev.wharf.linux.Bridges.delete(network.bridge());
        rules.remove(network);
        new Leases(root.resolve("ipam")).removeNetwork(network.name());
    }

    @Override
    public void release(BridgeNetwork network) throws IOException {
        rules.remove(network);
    }

    /** The ports published on the network by its endpoints on record, but those being detached. */
    private List<BridgeRules.Published> published(String networkId) throws IOException {
        return store.onNetwork(networkId).stream()
                .filter(a -> a.result() != null && !leaving.contains(a.containerId() + "/" + networkId))
                .filter(a -> !a.ports().isEmpty())
                .map(a -> new BridgeRules.Published(a.ipAddress(), a.ports())).toList();
    }

    private static CniPluginRunner.Invocation invocation(CniCommand command, Attachment attachment) {
        return new CniPluginRunner.Invocation(command, attachment.containerId(), attachment.netns(),
                attachment.ifname(), attachment.cniArgs());
    }

    private static String newEndpointId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

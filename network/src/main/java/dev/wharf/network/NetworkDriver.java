package dev.wharf.network;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Container network namespaces and their endpoints on bridge networks. */
public interface NetworkDriver {
    /** A new network namespace for the container, pinned to a file, with {@code lo} up. */
    Path createNamespace(String containerId) throws IOException;

    /** The namespace's file, whether or not it exists. */
    Path namespacePath(String containerId);

    void removeNamespace(String containerId) throws IOException;

    /** Adds the container to the network; on failure nothing of the attempt is left. */
    Attachment attach(String containerId, String networkId, BridgeNetwork network, String ifname, AttachOptions options)
            throws IOException;

    /** Removes the endpoint (CNI DEL with the stored ADD data); idempotent. */
    void detach(Attachment attachment) throws IOException;

    /** The container's endpoints still on record, in attach order. */
    List<Attachment> attachments(String containerId) throws IOException;

    /** Frees what is on record for containers not in {@code known}: endpoints, namespaces, leases. */
    void sweep(Set<String> known);

    /** Deletes the network's bridge, host rules (isolation, forwarding, masquerade) and lease directory (it has no endpoints left). */
    void removeNetwork(BridgeNetwork network) throws IOException;

    /** The daemon stops and the network has no endpoints: its host rules go; the bridge stays, as docker0 does. */
    void release(BridgeNetwork network) throws IOException;
}

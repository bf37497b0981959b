package dev.wharf.engine.networks;

import dev.wharf.api.types.EndpointSettings;
import java.io.IOException;

/** The container side of {@code network connect} and {@code disconnect} (implemented by the containers service). */
public interface ContainerConnector {
    void connect(String container, NetworkRecord network, EndpointSettings config) throws IOException;

    void disconnect(String container, NetworkRecord network, boolean force) throws IOException;
}

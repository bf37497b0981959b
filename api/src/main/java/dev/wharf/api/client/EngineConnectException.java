package dev.wharf.api.client;

import java.io.IOException;

/** The daemon's socket could not be reached at all (not running, wrong path, no permission). */
public class EngineConnectException extends IOException {

    private final EngineHost host;

    public EngineConnectException(EngineHost host, IOException cause) {
        super("cannot connect to " + host.display() + ": " + cause.getMessage(), cause);
        this.host = host;
    }

    public EngineHost host() {
        return host;
    }
}

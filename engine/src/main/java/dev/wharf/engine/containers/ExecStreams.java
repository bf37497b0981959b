package dev.wharf.engine.containers;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Threads that read a runtime attach connection: platform threads, as the read blocks in native code. */
final class ExecStreams {
    private static final Logger LOG = System.getLogger(ExecStreams.class.getName());
    private static final long RELAY_STACK_BYTES = 256 * 1024;

    @FunctionalInterface
    interface Relay {
        void run() throws IOException;
    }

    private ExecStreams() {}

    static Thread relayThread(String execId, Relay relay) {
        return Thread.ofPlatform().daemon().name("exec-" + execId.substring(0, 12)).stackSize(RELAY_STACK_BYTES)
                .start(() -> {
                    try {
                        relay.run();
                    } catch (IOException e) {
                        LOG.log(Level.DEBUG, "exec {0} output ended: {1}", execId, e.getMessage());
                    }
                });
    }
}

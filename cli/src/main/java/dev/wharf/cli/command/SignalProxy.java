package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import dev.wharf.linux.SignalDispositions;
import java.io.IOException;
import java.io.PrintStream;
import sun.misc.Signal;

/**
 * docker's --sig-proxy: while attached, SIGINT and SIGTERM sent to the CLI are forwarded to the
 * container as a kill with the same signal, and the CLI keeps waiting for the exit code.
 */
final class SignalProxy {

    private static final String[] FORWARDED = {"INT", "TERM"};

    private SignalProxy() {}

    static void install(EngineClient client, String containerId, PrintStream err) {
        for (String name : FORWARDED) {
            try {
                Signal forwarded = new Signal(name);
                SignalDispositions.unignore(forwarded.getNumber()); // as docker does when started in the background
                Signal.handle(forwarded, signal -> Thread.ofVirtual().start(() -> {
                    try {
                        client.containerKill(containerId, signal.getName());
                    } catch (IOException e) {
                        err.println("wharf: failed to forward signal " + signal.getName() + ": " + e.getMessage());
                    }
                }));
            } catch (IllegalArgumentException unavailable) {
                // signal not available on this platform or reserved by the JVM: no proxy for it
            }
        }
    }
}

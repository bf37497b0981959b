package dev.wharf.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Host ports for tests, taken below the kernel's ephemeral range (32768 and up): a port the kernel
 * hands out for outgoing connections can be taken by one between the check and the test's bind.
 */
final class TestPorts {
    private static final int LOW = 20000;
    private static final int HIGH = 32000;

    private TestPorts() {}

    /** A free port. */
    static int free() throws IOException {
        return freeRun(1);
    }

    /** The first of {@code count} consecutive ports that are free on every address. */
    static int freeRun(int count) throws IOException {
        for (int attempt = 0; attempt < 500; attempt++) {
            int first = LOW + ThreadLocalRandom.current().nextInt(HIGH - LOW - count);
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IOException("no " + count + " consecutive free ports between " + LOW + " and " + HIGH);
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}

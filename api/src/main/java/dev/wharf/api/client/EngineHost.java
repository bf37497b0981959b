package dev.wharf.api.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** Where the daemon listens: {@code unix:///path} or {@code tcp://host:port}. */
public sealed interface EngineHost {

    String DEFAULT = "unix:///run/wharf/wharf.sock";

    /** Opens a blocking channel to the daemon. */
    SocketChannel connect() throws IOException;

    /** The host as the user wrote it, for messages. */
    String display();

    static EngineHost parse(String host) {
        if (host.startsWith("unix://")) {
            String path = host.substring("unix://".length());
            if (path.isEmpty()) {
                throw new IllegalArgumentException("missing socket path in " + host);
            }
            return new UnixSocket(Path.of(path));
        }
        if (host.startsWith("tcp://") || host.startsWith("http://")) {
            URI uri = URI.create(host);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("invalid host " + host);
            }
            return new Tcp(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort());
        }
        if (host.startsWith("/")) {
            return new UnixSocket(Path.of(host));
        }
        throw new IllegalArgumentException("unsupported host " + host + " (expected unix:///path or tcp://host:port)");
    }

    record UnixSocket(Path path) implements EngineHost {
        @Override
        public SocketChannel connect() throws IOException {
            var channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(path));
                return channel;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        @Override
        public String display() {
            return "unix://" + path;
        }
    }

    record Tcp(String hostname, int port) implements EngineHost {
        @Override
        public SocketChannel connect() throws IOException {
            var channel = SocketChannel.open(new InetSocketAddress(hostname, port));
            channel.socket().setTcpNoDelay(true);
            return channel;
        }

        @Override
        public String display() {
            return "tcp://" + hostname + ":" + port;
        }
    }
}

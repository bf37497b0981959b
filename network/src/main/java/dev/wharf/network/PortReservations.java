package dev.wharf.network;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Published host ports are held by wharfd, as docker-proxy holds them: no other process can take one
 * while portmap's DNAT sends its traffic to the container, and the kernel picks the random ports of
 * {@code -p 80}. A TCP port is bound but never listened on, so a connection that comes before the DNAT
 * rule exists is refused instead of hanging in a backlog nobody accepts from.
 */
public final class PortReservations {
    private record Key(String hostIp, int port, String protocol) {}

    private final Map<Key, String> owners = new ConcurrentHashMap<>();

    /** The ports one container holds; closing frees them. */
    public final class Reservation implements Closeable {
        private final List<NetworkChannel> channels = new ArrayList<>();
        private final List<Key> keys = new ArrayList<>();
        private final List<PortMapping> mappings = new ArrayList<>();

        public List<PortMapping> mappings() {
            return List.copyOf(mappings);
        }

        @Override
        public void close() {
            keys.forEach(owners::remove);
            for (NetworkChannel channel : channels) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing more to free
                }
            }
        }
    }

    /** Binds every request or none; the message of a failure is Docker's. */
    public Reservation reserve(String owner, String endpointName, List<PortRequest> requests) throws NetworkException {
        Reservation reservation = new Reservation();
        try {
            for (PortRequest request : requests) {
                bindOne(reservation, owner, endpointName, request);
            }
            return reservation;
        } catch (NetworkException | RuntimeException e) {
            reservation.close();
            throw e;
        }
    }

    private void bindOne(Reservation reservation, String owner, String endpointName, PortRequest request)
            throws NetworkException {
        String ip = request.hostIp() == null || request.hostIp().isEmpty() ? "0.0.0.0" : request.hostIp();
        NetworkException last = null;
        for (int port = request.hostPortFirst(); port <= request.hostPortLast(); port++) {
            Key key = new Key(ip, port, request.protocol());
            if (port != 0 && (owners.putIfAbsent(key, owner) != null || wildcardClash(key, owner))) {
                owners.remove(key, owner);
                last = new NetworkException("driver failed programming external connectivity on endpoint " + endpointName
                        + ": Bind for " + ip + ":" + port + " failed: port is already allocated");
                continue;
            }
            try {
                NetworkChannel channel = open(request.protocol());
                try {
                    channel.bind(new InetSocketAddress(ip, port));
                } catch (IOException e) {
                    channel.close();
                    throw e;
                }
                int bound = ((InetSocketAddress) channel.getLocalAddress()).getPort();
                Key boundKey = new Key(ip, bound, request.protocol());
                owners.put(boundKey, owner);
                reservation.channels.add(channel);
                reservation.keys.add(boundKey);
                reservation.mappings.add(new PortMapping(request.hostIp() == null ? "" : request.hostIp(), bound,
                        request.containerPort(), request.protocol()));
                return;
            } catch (IOException e) {
                owners.remove(key, owner);
                String reason = e instanceof BindException ? "address already in use" : String.valueOf(e.getMessage());
                last = new NetworkException("driver failed programming external connectivity on endpoint "
                        + endpointName + ": Error starting userland proxy: listen " + request.protocol() + "4 " + ip
                        + ":" + port + ": bind: " + reason, e);
            }
        }
        throw last != null ? last : new NetworkException("invalid host port range for " + request.containerPort());
    }

    /** 0.0.0.0:P clashes with any address's :P and the other way round. */
    private boolean wildcardClash(Key key, String owner) {
        return owners.entrySet().stream().anyMatch(e -> !e.getValue().equals(owner) && e.getKey().port() == key.port()
                && e.getKey().protocol().equals(key.protocol()) && !e.getKey().hostIp().equals(key.hostIp())
                && (e.getKey().hostIp().equals("0.0.0.0") || key.hostIp().equals("0.0.0.0")));
    }

    private static NetworkChannel open(String protocol) throws IOException {
        // IPv4 only: portmap never maps ::1, so an IPv6 listener would take connections nobody serves.
        return "udp".equals(protocol) ? DatagramChannel.open(StandardProtocolFamily.INET)
                : SocketChannel.open(StandardProtocolFamily.INET);
    }
}

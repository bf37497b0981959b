package dev.wharf.network.dns;

import dev.wharf.network.Ipv4;
import dev.wharf.network.Subnet;
import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The DNS server wharfd runs for one user-defined network, on the network's gateway address (where
 * the containers' resolv.conf points), like Docker's embedded DNS: the network's containers by name,
 * alias and short ID, only for clients on that network; every other question goes to the host's resolvers,
 * for the clients that may have it forwarded (on an internal network: only containers that also have a
 * network with external access, as Docker's resolver does).
 */
public final class EmbeddedDnsServer implements Closeable {
    private static final Logger LOG = System.getLogger(EmbeddedDnsServer.class.getName());
    /** Docker's embedded DNS answers with a TTL of 600 s. */
    private static final long TTL = 600;
    private static final int MAX_UDP = 4096;

    private final DatagramChannel channel;
    private final Subnet clients;
    private final Forwarder forwarder;
    private volatile DnsRecords records = DnsRecords.EMPTY;
    private volatile Predicate<String> forwardsFor = client -> true;

    private EmbeddedDnsServer(DatagramChannel channel, Subnet clients, Forwarder forwarder) {
        this.channel = channel;
        this.clients = clients;
        this.forwarder = forwarder;
    }

    /** Listens on {@code address:port} (UDP) and serves from a virtual thread until closed. */
    public static EmbeddedDnsServer start(String address, int port, Subnet clients, Forwarder forwarder)
            throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            channel.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        var server = new EmbeddedDnsServer(channel, clients, forwarder);
        Thread.ofVirtual().name("dns-" + address).start(server::serve);
        return server;
    }

    /** The network's names now, and which client addresses get other names forwarded. */
    public void update(DnsRecords newRecords, Predicate<String> newForwardsFor) {
        records = newRecords;
        forwardsFor = newForwardsFor;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void serve() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_UDP);
        while (channel.isOpen()) {
            try {
                buffer.clear();
                var client = (InetSocketAddress) channel.receive(buffer);
                buffer.flip();
                byte[] query = new byte[buffer.remaining()];
                buffer.get(query);
                // Forwarded questions may take a while: each gets its own thread.
                Thread.ofVirtual().start(() -> answer(query, client));
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "DNS receive failed", e);
            }
        }
    }

    private void answer(byte[] query, InetSocketAddress client) {
        try {
            Message request = new Message(query);
            byte[] reply = respond(request, client).toWire(MAX_UDP);
            channel.send(ByteBuffer.wrap(reply), client);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "DNS query from " + client + " failed", e);
        }
    }

    private Message respond(Message request, InetSocketAddress client) {
        Record question = request.getQuestion();
        boolean local = client.getAddress().getAddress().length == 4
                && clients.contains(Ipv4.parse(client.getAddress().getHostAddress()));
        if (question != null && local) {
            Optional<Message> own = ownAnswer(request, question);
            if (own.isPresent()) {
                return own.get();
            }
        }
        return (forwardsFor.test(client.getAddress().getHostAddress()) ? forwarder : Forwarder.NONE).forward(request);
    }

    /** An answer from the network's own names, or empty when the name is not one of them. */
    private Optional<Message> ownAnswer(Message request, Record question) {
        Name name = question.getName();
        String text = name.toString(true);
        if (question.getType() == Type.PTR) {
            String address = reverseAddress(name);
            return address == null ? Optional.empty() : records.reverse(address).map(target -> {
                Message reply = reply(request);
                reply.addRecord(new PTRRecord(name, DClass.IN, TTL, absolute(target)), Section.ANSWER);
                return reply;
            });
        }
        List<String> addresses = records.lookup(text);
        if (addresses.isEmpty()) {
            return Optional.empty();
        }
        Message reply = reply(request);
        if (question.getType() == Type.A || question.getType() == Type.ANY) {
            for (String address : addresses) {
                try {
                    reply.addRecord(new ARecord(name, DClass.IN, TTL, InetAddress.getByName(address)), Section.ANSWER);
                } catch (IOException e) {
                    LOG.log(Level.DEBUG, "bad address " + address, e);
                }
            }
        }
        return Optional.of(reply); // AAAA and others: the name exists, with no such records (NOERROR, empty)
    }

    private static Message reply(Message request) {
        Message reply = new Message(request.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.AA);
        reply.getHeader().setFlag(Flags.RA);
        if (request.getHeader().getFlag(Flags.RD)) {
            reply.getHeader().setFlag(Flags.RD);
        }
        reply.getHeader().setRcode(Rcode.NOERROR);
        reply.addRecord(request.getQuestion(), Section.QUESTION);
        return reply;
    }

    private static Name absolute(String name) {
        try {
            return Name.fromString(name, Name.root);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code 4.3.2.1.in-addr.arpa.} → {@code 1.2.3.4}, else null. */
    private static String reverseAddress(Name name) {
        String text = name.toString(true);
        String suffix = ".in-addr.arpa";
        if (!text.endsWith(suffix)) {
            return null;
        }
        String[] parts = text.substring(0, text.length() - suffix.length()).split("\\.");
        if (parts.length != 4) {
            return null;
        }
        String address = parts[3] + "." + parts[2] + "." + parts[1] + "." + parts[0];
        return Ipv4.isValid(address) ? address : null;
    }
}

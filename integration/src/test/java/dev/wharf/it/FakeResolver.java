package dev.wharf.it;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * An upstream DNS server for a test daemon ({@code --dns}) on a loopback address of its own, so no
 * question ever leaves the machine: every A question gets {@link #ANSWER}, and the names asked are kept.
 */
final class FakeResolver implements AutoCloseable {
    /** TEST-NET-1 (RFC 5737): only ever handed out, never contacted. */
    static final String ANSWER = "192.0.2.77";

    private final DatagramSocket socket;
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    /** Listens on {@code address:53}, an address of 127/8 (all of it is the host's loopback). */
    FakeResolver(String address) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(address, 53));
        Thread.ofVirtual().name("fake-resolver").start(this::serve);
    }

    String address() {
        return socket.getLocalAddress().getHostAddress();
    }

    /** The names asked so far, without the final dot. */
    Set<String> asked() {
        return Set.copyOf(asked);
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                Message reply = new Message(query.getHeader().getID());
                reply.getHeader().setFlag(Flags.QR);
                reply.getHeader().setFlag(Flags.RA);
                reply.addRecord(question, Section.QUESTION);
                asked.add(question.getName().toString(true));
                if (question.getType() == Type.A) {
                    reply.addRecord(new ARecord(question.getName(), DClass.IN, 60, InetAddress.getByName(ANSWER)),
                            Section.ANSWER);
                }
                byte[] wire = reply.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}

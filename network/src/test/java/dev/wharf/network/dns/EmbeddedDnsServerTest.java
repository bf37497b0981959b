package dev.wharf.network.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.network.Subnet;
import java.net.DatagramSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The server on loopback: names, aliases and PTR for its network's clients; the rest is not its own. */
class EmbeddedDnsServerTest {
    private static final Forwarder NOWHERE = Forwarder.fromResolvConf(Path.of("/nonexistent/resolv.conf"));

    @Test
    void answersNamesAliasesAndReverseLookupsForItsOwnClients() throws Exception {
        int port = freeUdpPort();
        try (var server = EmbeddedDnsServer.start("127.0.0.1", port, Subnet.parse("127.0.0.0/8"), NOWHERE)) {
            server.update(DnsRecords.of(Map.of("10.1.0.2", List.of("web", "www", "abcdef123456"))), client -> true);
            Message a = query(port, "WWW.", Type.A);
            assertThat(a.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(a.getSection(Section.ANSWER)).singleElement()
                    .satisfies(r -> assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("10.1.0.2"));
            assertThat(query(port, "web.", Type.AAAA).getSection(Section.ANSWER)).isEmpty();
            Message ptr = query(port, ReverseMap.fromAddress("10.1.0.2").toString(), Type.PTR);
            assertThat(ptr.getSection(Section.ANSWER)).singleElement()
                    .satisfies(r -> assertThat(r.rdataToString()).isEqualTo("web."));
            // not one of its names, and no host resolver to ask: SERVFAIL, never a made-up answer
            assertThat(query(port, "elsewhere.", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
        }
    }

    @Test
    void clientsFromOtherNetworksDoNotSeeItsNames() throws Exception {
        int port = freeUdpPort();
        try (var server = EmbeddedDnsServer.start("127.0.0.1", port, Subnet.parse("10.99.0.0/24"), NOWHERE)) {
            server.update(DnsRecords.of(Map.of("10.99.0.2", List.of("db"))), client -> true);
            assertThat(query(port, "db.", Type.A).getSection(Section.ANSWER)).isEmpty();
        }
    }

    private static Message query(int port, String name, int type) throws Exception {
        var resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(port);
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    private static int freeUdpPort() throws Exception {
        try (var socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package dev.wharf.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EtcFilesTest {
    @Test
    void loopbackNameserversAreDroppedAndDefaultsAdded() {
        String conf = EtcFiles.resolvConf("search lan\nnameserver 127.0.0.53\noptions edns0\n");

        assertThat(conf).isEqualTo("search lan\noptions edns0\n\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n");
    }

    @Test
    void realNameserversAreKept() {
        assertThat(EtcFiles.resolvConf("nameserver 10.0.0.1\nnameserver ::1\n")).isEqualTo("nameserver 10.0.0.1\n");
    }

    @Test
    void hostsMapsLocalhostAndTheHostname() {
        assertThat(EtcFiles.hosts("abc", "")).startsWith("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n")
                .endsWith("127.0.1.1\tabc\n");
        assertThat(EtcFiles.hosts("abc", "example.org")).endsWith("127.0.1.1\tabc.example.org abc\n");
    }

    @Test
    void hostsCarriesTheAddedHostsThenTheContainersAddress() {
        var extra = EtcFiles.extraHosts(List.of("db.local:10.1.2.3", "gw:host-gateway", "cache=10.1.2.4"), "172.30.0.1");
        assertThat(extra).containsExactly("10.1.2.3\tdb.local", "172.30.0.1\tgw", "10.1.2.4\tcache");
        assertThat(EtcFiles.hosts("box", "", "172.30.0.5", extra))
                .endsWith("ff02::2\tip6-allrouters\n10.1.2.3\tdb.local\n172.30.0.1\tgw\n10.1.2.4\tcache\n172.30.0.5\tbox\n");
        assertThatThrownBy(() -> EtcFiles.extraHosts(List.of("nocolon"), "172.30.0.1"))
                .hasMessageContaining("--add-host");
    }

    @Test
    void resolvConfTakesTheFlagsOrTheNetworksDnsServer() {
        String host = "search lan\nnameserver 192.0.2.53\noptions edns0\n";
        assertThat(EtcFiles.resolvConf(host, List.of(), List.of(), List.of(), null)).isEqualTo(host);
        assertThat(EtcFiles.resolvConf(host, List.of(), List.of(), List.of(), "10.210.0.1"))
                .isEqualTo("search lan\noptions edns0\nnameserver 10.210.0.1\n");
        assertThat(EtcFiles.resolvConf(host, List.of("9.9.9.9"), List.of("example.test"), List.of("ndots:2"), "10.210.0.1"))
                .isEqualTo("nameserver 9.9.9.9\nsearch example.test\noptions ndots:2\n");
    }
}

package dev.wharf.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

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
}

package dev.wharf.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.types.PortBinding;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docker's -p forms (go-connections nat.ParsePortSpec). */
class PortSpecsTest {
    @Test
    void theForms() {
        assertThat(PortSpecs.parse("80")).containsExactly(Map.entry("80/tcp", new PortBinding("", "")));
        assertThat(PortSpecs.parse("8080:80")).containsExactly(Map.entry("80/tcp", new PortBinding("", "8080")));
        assertThat(PortSpecs.parse("127.0.0.1:8080:80/udp"))
                .containsExactly(Map.entry("80/udp", new PortBinding("127.0.0.1", "8080")));
        assertThat(PortSpecs.parse("127.0.0.1::80")).containsExactly(Map.entry("80/tcp", new PortBinding("127.0.0.1", "")));
        assertThat(PortSpecs.parse("[::1]:8080:80")).containsExactly(Map.entry("80/tcp", new PortBinding("::1", "8080")));
    }

    @Test
    void rangesMapPairwiseOrGiveAHostRangeForOnePort() {
        assertThat(PortSpecs.parse("8000-8001:80-81")).containsExactly(
                Map.entry("80/tcp", new PortBinding("", "8000")), Map.entry("81/tcp", new PortBinding("", "8001")));
        assertThat(PortSpecs.parse("8000-8010:80")).containsExactly(Map.entry("80/tcp", new PortBinding("", "8000-8010")));
        assertThat(PortSpecs.parse("7000-7001/udp")).containsOnlyKeys("7000/udp", "7001/udp");
        assertThat(PortSpecs.exposed("9000-9001")).containsExactly("9000/tcp", "9001/tcp");
    }

    @Test
    void badSpecsAreRefused() {
        assertThatThrownBy(() -> PortSpecs.parse("80/xyz")).hasMessage("invalid proto: xyz");
        assertThatThrownBy(() -> PortSpecs.parse("a:b")).hasMessageContaining("invalid port format");
        assertThatThrownBy(() -> PortSpecs.parse("8000-8002:80-81")).hasMessageContaining("invalid ranges");
    }
}

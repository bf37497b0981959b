package dev.wharf.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubnetTest {
    @Test
    void parsesClearsHostBitsAndFormats() {
        Subnet subnet = Subnet.parse("10.88.7.9/16");
        assertThat(subnet).hasToString("10.88.0.0/16");
        assertThat(Subnet.hasHostBits("10.88.7.9/16")).isTrue();
        assertThat(Subnet.hasHostBits("10.88.0.0/16")).isFalse();
        assertThat(Ipv4.format(subnet.address(1))).isEqualTo("10.88.0.1");
        assertThat(subnet.size()).isEqualTo(65536);
    }

    @Test
    void containsAndOverlaps() {
        Subnet wide = Subnet.parse("172.30.0.0/16");
        assertThat(wide.contains(Ipv4.parse("172.30.255.1"))).isTrue();
        assertThat(wide.contains(Ipv4.parse("172.31.0.1"))).isFalse();
        assertThat(wide.overlaps(Subnet.parse("172.30.5.0/24"))).isTrue();
        assertThat(Subnet.parse("172.30.5.0/24").overlaps(wide)).isTrue();
        assertThat(wide.overlaps(Subnet.parse("172.17.0.0/16"))).isFalse();
        assertThat(Subnet.parse("0.0.0.0/0").contains(Ipv4.parse("255.255.255.255"))).isTrue();
    }

    @Test
    void rejectsMalformedInput() {
        assertThatThrownBy(() -> Subnet.parse("10.0.0.0")).hasMessageContaining("invalid CIDR address");
        assertThatThrownBy(() -> Subnet.parse("10.0.0.0/33")).hasMessageContaining("invalid CIDR address");
        assertThatThrownBy(() -> Subnet.parse("10.0.0.256/8")).hasMessageContaining("invalid IP address");
        assertThat(Ipv4.isValid("1.2.3")).isFalse();
    }
}

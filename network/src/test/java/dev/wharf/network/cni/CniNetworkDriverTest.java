package dev.wharf.network.cni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.network.AttachOptions;
import dev.wharf.network.Attachment;
import dev.wharf.network.BridgeNetwork;
import dev.wharf.network.PortMapping;
import dev.wharf.network.Subnet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/** The real plugins on a throw-away bridge: attach, what the kernel shows, detach, nothing left. */
@EnabledIf("isRoot")
class CniNetworkDriverTest {
    @TempDir
    Path root;

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/lib/cni/bridge"));
    }

    @Test
    void attachGivesAnAddressAndDetachFreesEverything() throws Exception {
        String suffix = Long.toHexString(ProcessHandle.current().pid());
        var network = new BridgeNetwork("cnitest" + suffix, "wct" + suffix, Subnet.parse("10.253.77.0/28"),
                "10.253.77.1", null, false);
        var driver = new CniNetworkDriver(root, CniPluginRunner.DEFAULT_PLUGIN_DIR);
        String cid = "c0ffee" + suffix;
        try {
            Path netns = driver.createNamespace(cid);
            Attachment attachment = driver.attach(cid, "net1", network, "eth0",
                    new AttachOptions("10.253.77.9", "02:42:0a:fd:4d:09", List.of(new PortMapping("", 48123, 80, "tcp"))));
            assertThat(attachment.ipAddress()).isEqualTo("10.253.77.9");
            assertThat(attachment.prefixLength()).isEqualTo(28);
            assertThat(attachment.gateway()).isEqualTo("10.253.77.1");
            assertThat(attachment.macAddress()).isEqualTo("02:42:0a:fd:4d:09");
            assertThat(root.resolve("ipam").resolve(network.name()).resolve("10.253.77.9")).exists();
            assertThat(driver.attachments(cid)).hasSize(1);
            String bridge = network.bridge();
            assertThat(iptablesSave())
                    .contains("-A WHARF-POST-" + bridge + " -s 10.253.77.0/28 ! -o " + bridge + " -j MASQUERADE")
                    .contains("-A WHARF-DNAT-" + bridge + " -p tcp -m tcp --dport 48123 -j DNAT --to-destination 10.253.77.9:80")
                    .contains("-A WHARF-PORTS-" + bridge + " -d 10.253.77.9/32 -p tcp -m tcp --dport 80 -j ACCEPT")
                    .contains("-A PREROUTING -m addrtype --dst-type LOCAL -j WHARF-DNAT-" + bridge)
                    .contains("-A FORWARD -j WHARF-FWD-" + bridge);
            assertThat(Files.readString(Path.of("/proc/sys/net/ipv4/conf", bridge, "route_localnet")).strip()).isEqualTo("1");
            assertThat(run("nsenter", "--net=" + netns, "ip", "-o", "link", "show", "lo")).contains("<LOOPBACK,UP,");

            driver.createNamespace("other" + suffix);
            assertThatThrownBy(() -> driver.attach("other" + suffix, "net1", network, "eth0",
                    new AttachOptions("10.253.77.9", null, List.of())))
                    .hasMessageContaining("10.253.77.9");
            assertThat(driver.attachments("other" + suffix)).isEmpty();
            driver.removeNamespace("other" + suffix);

            driver.detach(attachment);
            driver.removeNamespace(cid);
            assertThat(netns).doesNotExist();
            assertThat(driver.attachments(cid)).isEmpty();
            assertThat(root.resolve("ipam").resolve(network.name()).resolve("10.253.77.9")).doesNotExist();
        } finally {
            driver.sweep(Set.of());
            driver.removeNetwork(network);
        }
        assertThat(Path.of("/sys/class/net").resolve(network.bridge())).doesNotExist();
        assertThat(iptablesSave()).doesNotContain("10.253.77.").doesNotContain(network.bridge());
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(root.toString());
    }

    private static String iptablesSave() throws IOException, InterruptedException {
        return run("iptables-save");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }
}

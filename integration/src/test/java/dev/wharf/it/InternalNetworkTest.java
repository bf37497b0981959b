package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code network create --internal} through both CLIs: containers on it get no default route (so no
 * address outside the subnet is reachable: only the kernel's route lookup is asked, nothing is sent
 * there), no published ports, no masquerading and Docker's DROP rules for anything forwarded between the
 * network and elsewhere, and still resolve and reach each other by name. Other names are forwarded (to
 * this daemon's {@code --dns}, a fake on loopback) only for a container that also has a network with
 * external access, as Docker's resolver does.
 */
class InternalNetworkTest extends EndToEndTest {
    /** TEST-NET-1 (RFC 5737): an address outside every network of the test, only ever looked up. */
    private static final String OUTSIDE = "192.0.2.1";

    private FakeResolver upstream;

    @Override
    protected List<String> daemonFlags() throws IOException {
        var random = new SecureRandom();
        upstream = new FakeResolver("127." + (100 + random.nextInt(100)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(250)));
        return List.of("--dns", upstream.address());
    }

    @AfterAll
    void stopUpstream() {
        upstream.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void namesAreForwardedOnlyForAContainerThatAlsoHasExternalAccess(String client) throws Exception {
        assertThat(TestNetwork.run("ip", "route", "get", upstream.address())).contains("dev lo"); // never leaves the host
        String net = "dim-" + client;
        String box = "dual-" + client;
        String name = "far-" + client + ".example";
        ok(client, "network", "create", "--internal", net);
        try {
            CommandResult alone = cli(client).run("run", "--rm", "--network", net, "busybox", "nslookup", name);
            assertThat(alone.stdout() + alone.stderr()).doesNotContain(FakeResolver.ANSWER);
            assertThat(upstream.asked()).noneMatch(asked -> asked.startsWith(name));

            ok(client, "run", "-d", "--name", box, "--network", net, "busybox", "sleep", "120");
            ok(client, "network", "connect", "bridge", box);
            assertThat(ok(client, "exec", box, "nslookup", name)).contains(FakeResolver.ANSWER);
            assertThat(upstream.asked()).anyMatch(asked -> asked.startsWith(name));
        } finally {
            cli(client).run("rm", "-f", box);
            ok(client, "network", "rm", net);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void containersOnAnInternalNetworkOnlyReachEachOther(String client) throws Exception {
        String net = "sealed-" + client;
        String box = "inner-" + client;
        ok(client, "network", "create", "--internal", "--label", "kind=sealed", net);
        try {
            assertThat(ok(client, "network", "inspect", "-f", "{{.Internal}}", net)).isEqualTo("true\n");
            assertThat(ok(client, "network", "ls", "--filter", "label=kind=sealed", "--format", "{{.Name}} {{.Internal}}"))
                    .isEqualTo(net + " true\n");
            ok(client, "run", "-d", "--name", box, "--network", net, "-p", "127.0.0.1::80", "busybox", "sleep", "120");
            String boxIp = ok(client, "inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", box).strip();
            assertThat(boxIp).startsWith(daemon.network().poolPrefix());
            assertThat(ok(client, "port", box)).isEmpty();
            String bridge = "br-" + ok(client, "network", "inspect", "-f", "{{.Id}}", net).substring(0, 12);
            String subnet = ok(client, "network", "inspect", "-f", "{{range .IPAM.Config}}{{.Subnet}}{{end}}", net).strip();
            // even a container that routes itself out is stopped at the host, as Docker's DROP rules do
            assertThat(TestNetwork.run("iptables", "-w", "-S", "CNI-ISOLATION-STAGE-1").lines()
                    .filter(rule -> rule.contains(bridge) && rule.contains("wharf internal network")))
                    .containsExactlyInAnyOrder(
                            "-A CNI-ISOLATION-STAGE-1 ! -s " + subnet + " -o " + bridge
                                    + " -m comment --comment \"wharf internal network\" -j DROP",
                            "-A CNI-ISOLATION-STAGE-1 ! -d " + subnet + " -i " + bridge
                                    + " -m comment --comment \"wharf internal network\" -j DROP");
            assertThat(TestNetwork.run("iptables-save", "-t", "nat")).doesNotContain(subnet);

            String seen = ok(client, "run", "--rm", "--network", net, "busybox", "sh", "-c",
                    "ip route; echo ---; ip route get " + OUTSIDE + " 2>&1; echo ---; ip route get " + boxIp
                            + " && nslookup " + box + " && ping -c1 -W2 " + box + " >/dev/null && echo reached");
            String[] parts = seen.split("---\n");
            assertThat(parts[0]).doesNotContain("default").contains("dev eth0");
            assertThat(parts[1]).contains("Network is unreachable");
            assertThat(parts[2]).contains(boxIp + " dev eth0").contains("Name:\t" + box).contains("reached");
        } finally {
            cli(client).run("rm", "-f", box);
            ok(client, "network", "rm", net);
        }
    }
}

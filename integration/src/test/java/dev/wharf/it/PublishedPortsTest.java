package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default bridge and published ports: eth0 with an address and a default route, TCP and UDP
 * reachable from the host on 127.0.0.1 and the host's own address, hairpin from another container,
 * Docker's errors for taken ports, and ports that still work across a daemon crash.
 */
class PublishedPortsTest extends EndToEndTest {
    /**
     * busybox has no UDP server, so the container prints its kernel's UDP counters: a datagram that
     * reached its port 7000 shows up as NoPorts (the second field), answered by an ICMP unreachable.
     */
    private static final String UDP_COUNTERS = "while true; do grep '^Udp: [0-9]' /proc/net/snmp; sleep 0.2; done";
    private static final String HTTPD = "mkdir -p /www && echo hello-from-$(hostname) > /www/index.html && exec httpd -f -p 80 -h /www";

    @Test
    void containerOnTheDefaultBridgeHasEth0AndADefaultRouteViaItsGateway() {
        String out = wharfOk("run", "--rm", "busybox", "sh", "-c", "ip -4 -o addr show eth0; ip route; cat /etc/hosts");
        String prefix = daemon.network().bridgePrefix();
        assertThat(out).contains("eth0").contains("inet " + prefix).contains("default via " + prefix + "1 dev eth0");
        assertThat(out).containsPattern(prefix.replace(".", "\\.") + "\\d+\\t[0-9a-f]{12}");
    }

    @Test
    void publishedTcpPortAnswersOnLoopbackAndTheHostAddressAndIsFreedOnRm() throws Exception {
        int port = TestPorts.freeRun(2);
        dockerOk("run", "-d", "--name", "web", "-p", "127.0.0.1:" + port + ":80", "-p", port + 1 + ":80", "busybox",
                "sh", "-c", HTTPD);
        assertThat(awaitHttp("127.0.0.1", port)).contains("hello-from-");
        assertThat(awaitHttp("127.0.0.1", port + 1)).contains("hello-from-");
        assertThat(wharfOk("port", "web")).contains("80/tcp -> 127.0.0.1:" + port).contains("80/tcp -> 0.0.0.0:" + (port + 1));
        assertThat(wharfOk("ps")).contains("127.0.0.1:" + port + "->80/tcp");
        assertThat(dockerOk("inspect", "-f", "{{json .NetworkSettings.Ports}}", "web"))
                .contains("{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"" + port + "\"}");
        // hairpin: another container reaches the published port through the gateway, the host's address on the bridge
        String gateway = daemon.network().bridgePrefix() + "1";
        assertThat(wharfOk("run", "--rm", "busybox", "wget", "-q", "-O", "-", "http://" + gateway + ":" + (port + 1) + "/"))
                .contains("hello-from-");
        // and the container itself, through the host (its answer must come back through the host too)
        assertThat(wharfOk("exec", "web", "wget", "-q", "-O", "-", "http://" + gateway + ":" + (port + 1) + "/"))
                .contains("hello-from-");
        String ip = wharfOk("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "web").strip();
        assertThat(TestNetwork.run("iptables-save", "-t", "nat").lines().filter(rule -> rule.contains(ip + ":80")))
                .containsExactlyInAnyOrder(
                        "-A WHARF-DNAT-" + daemon.network().bridge() + " -d 127.0.0.1/32 -p tcp -m tcp --dport " + port
                                + " -j DNAT --to-destination " + ip + ":80",
                        "-A WHARF-DNAT-" + daemon.network().bridge() + " -p tcp -m tcp --dport " + (port + 1)
                                + " -j DNAT --to-destination " + ip + ":80");

        wharfOk("rm", "-f", "web");
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("0.0.0.0", port + 1)); // freed
        }
        assertThat(TestNetwork.run("iptables-save")).doesNotContain(ip + "/32").doesNotContain(ip + ":");
    }

    /**
     * A client outside the host (a netns of the test's own, on a veth: its traffic is forwarded, unlike
     * the host's own) under a DROP for everything wharf does not accept, as a DROP FORWARD policy (dockerd
     * sets one) does: the published ports, a range among them, answer through Docker's per-port ACCEPT,
     * while an unpublished port of the same container stays unreachable.
     */
    @Test
    void publishedPortsAnswerAForwardedClientUnderADropPolicyAndNothingElse() throws Exception {
        int port = TestPorts.freeRun(2);
        dockerOk("run", "-d", "--name", "ranged", "-p", port + "-" + (port + 1) + ":80-81", "busybox", "sh", "-c",
                "mkdir -p /www && echo hello-from-$(hostname) > /www/index.html && httpd -p 81 -h /www && httpd -p 82 -h /www"
                        + " && exec httpd -f -p 80 -h /www");
        String ip = wharfOk("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "ranged").strip();
        var random = new SecureRandom();
        String tag = HexFormat.of().toHexDigits((short) random.nextInt());
        String ns = "wito" + tag;
        String link = "169.254." + (1 + random.nextInt(250)) + ".";
        int base = 4 * random.nextInt(60);
        String host = link + (base + 1);
        String client = link + (base + 2);
        String[] drop = {"-i", "wo" + tag, "-j", "DROP"};
        try {
            sh("ip netns add " + ns + " && ip link add wo" + tag + " type veth peer name wi" + tag + " netns " + ns
                    + " && ip addr add " + host + "/30 dev wo" + tag + " && ip link set wo" + tag + " up"
                    + " && ip -n " + ns + " addr add " + client + "/30 dev wi" + tag + " && ip -n " + ns + " link set wi" + tag
                    + " up && ip -n " + ns + " link set lo up && ip -n " + ns + " route add " + daemon.network().bridgePrefix()
                    + "0/24 via " + host);
            sh("iptables -w -A FORWARD " + String.join(" ", drop));
            assertThat(sh("ip netns exec " + ns + " ip route get " + host)).contains("dev wi" + tag); // stays on the veth
            String fetch = "ip netns exec " + ns + " curl -sS -m 3 http://";
            assertThat(sh(fetch + host + ":" + port + "/")).contains("hello-from-");
            assertThat(sh(fetch + host + ":" + (port + 1) + "/")).contains("hello-from-");
            assertThat(sh(fetch + ip + ":82/ || echo unreachable")).contains("unreachable").doesNotContain("hello-from-");
        } finally {
            TestNetwork.run("iptables", "-w", "-D", "FORWARD", drop[0], drop[1], drop[2], drop[3]);
            TestNetwork.run("ip", "netns", "del", ns);
        }
        assertThat(TestNetwork.run("iptables-save").lines().filter(rule -> rule.contains(ip + "/32")))
                .containsExactlyInAnyOrder(
                        "-A WHARF-PORTS-" + daemon.network().bridge() + " -d " + ip + "/32 -p tcp -m tcp --dport 80 -j ACCEPT",
                        "-A WHARF-PORTS-" + daemon.network().bridge() + " -d " + ip + "/32 -p tcp -m tcp --dport 81 -j ACCEPT");
        wharfOk("rm", "-f", "ranged");
        assertThat(TestNetwork.run("iptables-save")).doesNotContain(ip + "/32").doesNotContain(ip + ":");
    }

    private static String sh(String command) throws IOException, InterruptedException {
        return TestNetwork.run("sh", "-c", command);
    }

    @Test
    void publishedUdpPortAndRandomHostPortFromMinusP() throws Exception {
        dockerOk("run", "-d", "--name", "udp", "-p", "7000/udp", "busybox", "sh", "-c",
                UDP_COUNTERS);
        String mapping = dockerOk("port", "udp", "7000/udp").lines().findFirst().orElseThrow().strip();
        assertThat(mapping).startsWith("0.0.0.0:");
        int hostPort = Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1));
        assertThat(wharfOk("ps")).contains("0.0.0.0:" + hostPort + "->7000/udp");
        sendUdpUntilLogged(hostPort, "udp");
        wharfOk("rm", "-f", "udp");
    }

    @Test
    void aPortInUseIsRefusedWithDockersErrorAndLeavesNothing() throws Exception {
        int port = TestPorts.free();
        wharfOk("run", "-d", "--name", "holder", "-p", port + ":80", "busybox", "sleep", "60");
        CommandResult taken = docker.run("run", "--name", "second", "-p", port + ":80", "busybox", "true");
        assertThat(taken.exitCode()).isEqualTo(125);
        assertThat(taken.stderr()).contains("Bind for 0.0.0.0:" + port + " failed: port is already allocated");
        assertThat(wharfOk("ps", "-a", "--filter", "name=second")).contains("Created");
        wharfOk("rm", "-f", "holder", "second");

        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("0.0.0.0", port));
            CommandResult inUse = wharf.run("run", "--rm", "-p", port + ":80", "busybox", "true");
            assertThat(inUse.exitCode()).isEqualTo(125);
            assertThat(inUse.stderr()).contains("0.0.0.0:" + port).contains("address already in use");
        }
    }

    @Test
    void publishedPortKeepsWorkingAfterTheDaemonIsKilledAndIsCleanedOnRm() throws Exception {
        int port = TestPorts.free();
        wharfOk("run", "-d", "--name", "survivor", "-p", port + ":80", "busybox", "sh", "-c", HTTPD);
        assertThat(awaitHttp("127.0.0.1", port)).contains("hello-from-");
        daemon.kill();
        assertThat(awaitHttp("127.0.0.1", port)).contains("hello-from-"); // the kernel's DNAT needs no daemon
        daemon.start();
        assertThat(awaitHttp("127.0.0.1", port)).contains("hello-from-");
        wharfOk("run", "-d", "--name", "newcomer", "-p", TestPorts.free() + ":80", "busybox", "sh", "-c", HTTPD);
        // the new run rewrote the network's rules from what is on record: the survivor's DNAT is still there, once
        String ip = wharfOk("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "survivor").strip();
        assertThat(awaitHttp("127.0.0.1", port)).contains("hello-from-");
        List<String> rules = TestNetwork.run("iptables-save").lines()
                .filter(rule -> rule.contains(daemon.network().bridge()) || rule.contains(ip)).toList();
        assertThat(rules).doesNotHaveDuplicates().anyMatch(rule -> rule.contains("--to-destination " + ip + ":80"));
        wharfOk("rm", "-f", "newcomer");
        CommandResult taken = wharf.run("run", "--rm", "-p", port + ":80", "busybox", "true");
        assertThat(taken.stderr()).contains("port is already allocated"); // held again after the restart
        assertThat(wharfOk("port", "survivor", "80")).contains("0.0.0.0:" + port);
        wharfOk("rm", "-f", "survivor");
    }

    @Test
    void networkNoneHostAndContainerModes() throws IOException {
        assertThat(wharfOk("run", "--rm", "--network", "none", "busybox", "ls", "/sys/class/net").strip()).isEqualTo("lo");
        String hostLinks = wharfOk("run", "--rm", "--network", "host", "busybox", "ls", "/sys/class/net");
        assertThat(hostLinks).contains(defaultRouteInterface()).contains("lo");
        wharfOk("run", "-d", "--name", "first", "busybox", "sleep", "60");
        String firstIp = dockerOk("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "first").strip();
        assertThat(firstIp).startsWith(daemon.network().bridgePrefix());
        assertThat(dockerOk("run", "--rm", "--network", "container:first", "busybox", "ip", "-4", "-o", "addr", "show", "eth0"))
                .contains(firstIp + "/24");
        wharfOk("rm", "-f", "first");
    }

    @Test
    void hostsAndResolvConfFollowTheFlags() {
        String out = dockerOk("run", "--rm", "--hostname", "box", "--add-host", "db.local:10.1.2.3", "--add-host",
                "gw:host-gateway", "--dns", "10.9.9.9", "--dns-search", "example.test", "--dns-option", "ndots:2",
                "busybox", "sh", "-c", "cat /etc/hosts /etc/resolv.conf");
        assertThat(out).contains("10.1.2.3\tdb.local").contains(daemon.network().bridgePrefix() + "1\tgw")
                .containsPattern("\\n" + daemon.network().bridgePrefix().replace(".", "\\.") + "\\d+\\tbox\\n")
                .contains("nameserver 10.9.9.9").contains("search example.test").contains("options ndots:2");
        assertThat(out).doesNotContain("nameserver 127.");
    }

    @Test
    void fixedMacAddressOnTheDefaultBridge() {
        assertThat(wharfOk("run", "--rm", "--mac-address", "02:42:ac:11:00:99", "busybox", "cat", "/sys/class/net/eth0/address"))
                .isEqualTo("02:42:ac:11:00:99\n");
        CommandResult ip = wharf.run("run", "--rm", "--ip", daemon.network().bridgePrefix() + "77", "busybox", "true");
        assertThat(ip.exitCode()).isEqualTo(125);
        assertThat(ip.stderr()).contains("user specified IP address is supported on user defined networks only");
    }

    /** The host's interface of its default route, which only a container in the host's namespace sees. */
    private static String defaultRouteInterface() throws IOException {
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/net/route")).stream().skip(1)
                .map(line -> line.trim().split("\\s+")).filter(f -> f[1].equals("00000000")).map(f -> f[0])
                .findFirst().orElse("lo");
    }

    /** The HTTP reply from the host side; the server may need a moment to start listening. */
    static String awaitHttp(String host, int port) throws Exception {
        IOException last = null;
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 2000);
                socket.setSoTimeout(5000);
                socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (reply.startsWith("HTTP/1.")) {
                    return reply;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no HTTP answer on " + host + ":" + port, last);
    }

    /** Sends datagrams to 127.0.0.1 until the container's kernel has counted one on its port. */
    private void sendUdpUntilLogged(int port, String container) throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 0; i < 30; i++) {
                byte[] ping = "ping-over-udp\n".getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(ping, ping.length, new InetSocketAddress("127.0.0.1", port)));
                Thread.sleep(300);
                String last = wharf.run("logs", "--tail", "1", container).stdout().strip();
                String[] fields = last.split("\\s+");
                if (fields.length > 2 && Integer.parseInt(fields[2]) > 0) {
                    return;
                }
            }
        }
        throw new AssertionError("no UDP datagram reached the container on 127.0.0.1:" + port);
    }
}

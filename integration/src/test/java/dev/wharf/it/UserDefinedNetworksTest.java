package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * User-defined networks through both CLIs: create/ls/inspect/rm/prune, name resolution by the
 * daemon's DNS server (container name, alias, connect-time alias), isolation between networks,
 * connect/disconnect, and Docker's errors. Tests never ask the DNS server for a name it would
 * forward to the host's resolvers.
 */
class UserDefinedNetworksTest extends EndToEndTest {
    private static final String HTTPD = "mkdir -p /www && echo served-by-$(hostname) > /www/index.html && exec httpd -f -p 80 -h /www";

    @Test
    void containersResolveEachOtherByNameAndAliasAndTalkHttp() {
        long since = java.time.Instant.now().getEpochSecond() - 1;
        dockerOk("network", "create", "--label", "team=a", "front");
        wharfOk("run", "-d", "--name", "web", "--hostname", "webhost", "--network", "front", "--network-alias", "www",
                "busybox", "sh", "-c", HTTPD);
        String out = dockerOk("run", "--rm", "--network", "front", "busybox", "sh", "-c",
                "cat /etc/resolv.conf; nslookup web; nslookup www; ping -c1 -W2 web; "
                        + "for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O - http://www/ && break; sleep 0.3; done");
        String gateway = dockerOk("network", "inspect", "-f", "{{json .IPAM}}", "front");
        assertThat(gateway).contains(daemon.network().poolPrefix());
        String webIp = dockerOk("inspect", "-f", "{{json .NetworkSettings.Networks}}", "web");
        assertThat(webIp).contains("\"IPAddress\":\"" + daemon.network().poolPrefix());
        assertThat(out).contains("nameserver " + daemon.network().poolPrefix());
        assertThat(out).contains("Name:\tweb").contains("Name:\twww").contains("1 packets received")
                .contains("served-by-webhost");

        assertThat(wharfOk("network", "ls", "--filter", "label=team=a", "--format", "{{.Name}} {{.Driver}} {{.Scope}}"))
                .isEqualTo("front bridge local\n");
        assertThat(dockerOk("network", "ls", "--filter", "type=custom", "--format", "{{.Name}}")).contains("front")
                .doesNotContain("bridge\n");
        assertThat(wharfOk("network", "inspect", "-f", "{{json .Containers}}", "front")).contains("\"Name\":\"web\"");

        CommandResult inUse = docker.run("network", "rm", "front");
        assertThat(inUse.exitCode()).isEqualTo(1);
        assertThat(inUse.stderr()).contains("has active endpoints");
        wharfOk("rm", "-f", "web");
        assertThat(dockerOk("network", "rm", "front")).isEqualTo("front\n");
        String events = dockerOk("events", "--since", Long.toString(since), "--until",
                Long.toString(java.time.Instant.now().getEpochSecond() + 1), "--filter", "type=network",
                "--filter", "network=front", "--format", "{{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.type}}");
        assertThat(events.lines().toList()).contains("create front bridge", "connect front bridge",
                "disconnect front bridge", "destroy front bridge");
    }

    @Test
    void networksAreIsolatedFromEachOther() {
        wharfOk("network", "create", "blue");
        wharfOk("network", "create", "green");
        wharfOk("run", "-d", "--name", "blue-box", "--network", "blue", "busybox", "sleep", "120");
        String blueIp = wharfOk("inspect", "-f", "{{json .NetworkSettings.Networks}}", "blue-box");
        blueIp = blueIp.substring(blueIp.indexOf("\"IPAddress\":\"") + 13);
        blueIp = blueIp.substring(0, blueIp.indexOf('"'));
        assertThat(wharfOk("run", "--rm", "--network", "blue", "busybox", "sh", "-c",
                "ping -c1 -W2 " + blueIp + " >/dev/null && echo reached")).contains("reached");
        assertThat(wharfOk("run", "--rm", "--network", "green", "busybox", "sh", "-c",
                "ping -c1 -W2 " + blueIp + " >/dev/null && echo reached || echo unreachable")).contains("unreachable");
        wharfOk("rm", "-f", "blue-box");
        wharfOk("network", "rm", "blue", "green");
    }

    @Test
    void connectAndDisconnectARunningContainer() {
        wharfOk("network", "create", "side");
        wharfOk("run", "-d", "--name", "roamer", "busybox", "sleep", "120");
        dockerOk("network", "connect", "--alias", "rover", "side", "roamer");
        assertThat(wharfOk("network", "inspect", "-f", "{{json .Containers}}", "side")).contains("\"Name\":\"roamer\"");
        String seen = wharfOk("run", "--rm", "--network", "side", "busybox", "sh", "-c", "nslookup rover; nslookup roamer");
        assertThat(seen).contains("Name:\trover").contains("Name:\troamer");
        CommandResult twice = docker.run("network", "connect", "side", "roamer");
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.stderr()).contains("already exists in network side");

        wharfOk("network", "disconnect", "side", "roamer");
        assertThat(wharfOk("network", "inspect", "-f", "{{json .Containers}}", "side").strip()).isEqualTo("{}");
        wharfOk("rm", "-f", "roamer");
        wharfOk("network", "rm", "side");
    }

    /**
     * As Docker: disconnecting a container from its every network keeps its NetworkMode, so it can be
     * connected again, running (it gets eth0 at once) or stopped (at its next start).
     */
    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void aContainerDisconnectedFromEveryNetworkCanBeConnectedAgain(String client) {
        String net = "again-" + client;
        String box = "lonely-" + client;
        ok(client, "network", "create", net);
        ok(client, "run", "-d", "--name", box, "--network", net, "busybox", "sleep", "120");
        ok(client, "network", "disconnect", net, box);
        assertThat(ok(client, "inspect", "-f", "{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Networks}}", box))
                .isEqualTo(net + " {}\n");
        assertThat(ok(client, "exec", box, "ls", "/sys/class/net").strip()).isEqualTo("lo");

        ok(client, "network", "connect", net, box);
        assertThat(ok(client, "exec", box, "ip", "-4", "-o", "addr", "show", "eth0")).contains("inet " + daemon.network().poolPrefix());
        assertThat(ok(client, "network", "inspect", "-f", "{{json .Containers}}", net)).contains("\"Name\":\"" + box + "\"");

        ok(client, "stop", "-t", "0", box);
        ok(client, "network", "disconnect", net, box);
        ok(client, "network", "connect", "bridge", box);
        ok(client, "start", box);
        assertThat(ok(client, "exec", box, "ip", "-4", "-o", "addr", "show", "eth0")).contains("inet " + daemon.network().bridgePrefix());
        assertThat(ok(client, "inspect", "-f", "{{.HostConfig.NetworkMode}}", box)).isEqualTo(net + "\n");
        ok(client, "rm", "-f", box);
        ok(client, "network", "rm", net);
    }

    @Test
    void fixedAddressSubnetGatewayAndIpRange() {
        String subnet = daemon.network().poolPrefix() + "64/26";
        dockerOk("network", "create", "--subnet", subnet, "--gateway", daemon.network().poolPrefix() + "126",
                "--ip-range", daemon.network().poolPrefix() + "96/27", "fixed");
        assertThat(wharfOk("network", "inspect", "-f", "{{json .IPAM.Config}}", "fixed"))
                .contains("\"Subnet\":\"" + subnet + "\"").contains("\"Gateway\":\"" + daemon.network().poolPrefix() + "126\"");
        String fixedIp = daemon.network().poolPrefix() + "70";
        assertThat(dockerOk("run", "--rm", "--network", "fixed", "--ip", fixedIp, "busybox", "ip", "-4", "-o", "addr",
                "show", "eth0")).contains(fixedIp + "/26");
        assertThat(wharfOk("run", "--rm", "--network", "fixed", "busybox", "sh", "-c", "ip -4 -o addr show eth0; ip route"))
                .containsPattern("inet " + daemon.network().poolPrefix().replace(".", "\\.") + "(9[6-9]|1[01][0-9]|12[0-7])/26")
                .contains("default via " + daemon.network().poolPrefix() + "126");
        wharfOk("network", "rm", "fixed");
    }

    @Test
    void unhappyPathsGiveDockersErrorsAndLeaveNothing() {
        wharfOk("network", "create", "--subnet", daemon.network().poolPrefix() + "0/28", "first");
        CommandResult overlap = docker.run("network", "create", "--subnet", daemon.network().poolPrefix() + "0/27", "second");
        assertThat(overlap.exitCode()).isEqualTo(1);
        assertThat(overlap.stderr()).contains("Pool overlaps with other one on this address space");
        CommandResult duplicate = wharf.run("network", "create", "first");
        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.stderr()).contains("network with name first already exists");

        CommandResult unknown = docker.run("run", "--rm", "--network", "nowhere", "busybox", "true");
        assertThat(unknown.exitCode()).isEqualTo(125);
        assertThat(unknown.stderr()).contains("network nowhere not found");
        CommandResult inspect = wharf.run("network", "inspect", "nowhere");
        assertThat(inspect.exitCode()).isEqualTo(1);
        assertThat(inspect.stderr()).contains("network nowhere not found");
        CommandResult predefined = docker.run("network", "rm", "bridge");
        assertThat(predefined.stderr()).contains("bridge is a pre-defined network and cannot be removed");

        wharfOk("network", "create", "spare");
        assertThat(dockerOk("network", "prune", "-f")).contains("Deleted Networks:").contains("first").contains("spare");
        assertThat(wharfOk("network", "ls", "--format", "{{.Name}}").lines().sorted().toList())
                .containsExactly("bridge", "host", "none");
        assertThat(wharf.run("ps", "-aq").stdout()).isBlank();
    }
}

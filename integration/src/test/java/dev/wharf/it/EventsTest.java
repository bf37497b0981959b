package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** {@code events}: Docker's actions and attributes, filters, --since/--until replay and live streaming, both clients. */
class EventsTest extends EndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void lifecycleEventsAreReplayedWithDockersAttributes() throws Exception {
        String since = Long.toString(Instant.now().getEpochSecond() - 1);
        String id = wharfOk("run", "-d", "--name", "evented", "-l", "team=wharf", "busybox", "sleep", "300").strip();
        wharfOk("pause", "evented");
        wharfOk("unpause", "evented");
        wharfOk("rename", "evented", "renamed");
        wharfOk("stop", "-t", "0", "renamed");
        wharfOk("rm", "renamed");
        String until = Long.toString(Instant.now().getEpochSecond() + 1);
        Thread.sleep(1100); // until must be in the past for the replay to end at once

        for (Cli cli : new Cli[] {wharf, docker}) {
            List<JsonNode> events = json(ok(cli, "events", "--since", since, "--until", until,
                    "--filter", "container=" + id, "--format", "{{json .}}"));
            assertThat(events).extracting(e -> e.get("Action").asText()).containsExactly(
                    "create", "start", "pause", "unpause", "rename", "kill", "kill", "die", "stop", "destroy");
            JsonNode die = events.get(7);
            assertThat(die.get("Type").asText()).isEqualTo("container");
            assertThat(die.get("status").asText()).isEqualTo("die");
            assertThat(die.get("id").asText()).isEqualTo(id);
            assertThat(die.get("from").asText()).isEqualTo("busybox");
            assertThat(die.get("scope").asText()).isEqualTo("local");
            assertThat(die.at("/Actor/ID").asText()).isEqualTo(id);
            assertThat(die.at("/Actor/Attributes/exitCode").asText()).isEqualTo("137");
            assertThat(die.at("/Actor/Attributes/name").asText()).isEqualTo("renamed");
            assertThat(die.at("/Actor/Attributes/team").asText()).isEqualTo("wharf");
            assertThat(die.at("/Actor/Attributes/execDuration").isTextual()).isTrue();
            assertThat(events.get(4).at("/Actor/Attributes/oldName").asText()).isEqualTo("/evented");
            assertThat(events.get(5).at("/Actor/Attributes/signal").asText()).isEqualTo("15");
            assertThat(events.get(6).at("/Actor/Attributes/signal").asText()).isEqualTo("9");
            assertThat(die.get("timeNano").asLong() / 1_000_000_000L).isEqualTo(die.get("time").asLong());

            // docker's default line: time, type, action, ID and the sorted attributes
            String lines = ok(cli, "events", "--since", since, "--until", until, "--filter", "event=rename");
            assertThat(lines).containsPattern("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}(Z|[+-]\\d\\d:\\d\\d) "
                    + "container rename " + id + " \\(image=busybox, name=renamed, oldName=/evented, team=wharf\\)\n$");
        }
    }

    @Test
    void filtersByTypeEventLabelAndImage() throws Exception {
        String since = Long.toString(Instant.now().getEpochSecond() - 1);
        wharfOk("run", "--name", "labelled", "-l", "pick=me", "busybox", "true");
        wharfOk("run", "--name", "plain", "busybox", "true");
        wharfOk("tag", "busybox", "evented:1");
        wharfOk("rmi", "evented:1");
        wharfOk("rm", "labelled", "plain");
        String until = Long.toString(Instant.now().getEpochSecond() + 1);
        Thread.sleep(1100);

        for (Cli cli : new Cli[] {wharf, docker}) {
            String format = "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}";
            assertThat(ok(cli, "events", "--since", since, "--until", until, "--filter", "label=pick=me",
                    "--filter", "event=die", "--format", format)).isEqualTo("container die labelled\n");
            assertThat(ok(cli, "events", "--since", since, "--until", until, "--filter", "type=image",
                    "--format", format)).matches("image tag evented:1\nimage untag sha256:[0-9a-f]{64}\n");
            assertThat(ok(cli, "events", "--since", since, "--until", until, "--filter", "container=plain",
                    "--filter", "event=start", "--filter", "event=destroy", "--format", format))
                    .isEqualTo("container start plain\ncontainer destroy plain\n");
            assertThat(ok(cli, "events", "--since", since, "--until", until, "--filter", "image=busybox",
                    "--filter", "event=create", "--format", format)).isEqualTo("container create labelled\ncontainer create plain\n");
        }
        CommandResult bad = docker.run("events", "--since", since, "--until", until, "--filter", "colour=red");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.stderr()).contains("invalid filter 'colour'");
    }

    @Test
    void liveEventsStreamUntilTheirEnd() throws Exception {
        // Far enough ahead for two CLIs to start on a busy machine; the streams end there.
        String until = Long.toString(Instant.now().getEpochSecond() + 30);
        // Own threads: the common pool may have one worker on a small machine, and both must run at once.
        var threads = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<CommandResult> viaDocker = CompletableFuture.supplyAsync(() -> docker.run(
                "events", "--until", until, "--filter", "container=live", "--format", "{{.Action}}"), threads);
        CompletableFuture<CommandResult> viaWharf = CompletableFuture.supplyAsync(() -> wharf.run(
                "events", "--until", until, "--filter", "container=live", "--format", "{{.Action}}"), threads);
        // Both clients subscribe before the container exists: wait until the daemon counts two listeners.
        ContainerControlTest.await(() -> listeners() >= 2);
        wharfOk("run", "--rm", "--name", "live", "busybox", "true");
        for (CompletableFuture<CommandResult> client : List.of(viaDocker, viaWharf)) {
            CommandResult result = client.join();
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("create\n").contains("start\n").contains("die\n").contains("destroy\n");
        }
        threads.close();
    }

    private int listeners() {
        String info = dockerOk("info", "--format", "{{.NEventsListener}}").strip();
        return info.isEmpty() ? 0 : Integer.parseInt(info);
    }

    private static List<JsonNode> json(String lines) throws Exception {
        var events = new java.util.ArrayList<JsonNode>();
        for (String line : lines.lines().toList()) {
            events.add(JSON.readTree(line));
        }
        return events;
    }

    private static String ok(Cli cli, String... args) {
        CommandResult result = cli.run(args);
        assertThat(result.exitCode()).as("%s\n%s", String.join(" ", args), result).isZero();
        return result.stdout();
    }
}

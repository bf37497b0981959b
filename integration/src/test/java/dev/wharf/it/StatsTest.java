package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.api.client.EngineClient;
import dev.wharf.api.client.EngineHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker stats from the container's cgroups, through both CLIs and the API. */
class StatsTest extends EndToEndTest {

    @Test
    void noStreamShowsOneTableFromTheCgroup() {
        dockerOk("run", "-d", "--name", "busy", "-m", "100m", "--pids-limit", "20", "busybox", "sh", "-c",
                "sleep 300 & sleep 300");
        for (Cli cli : new Cli[] {docker, wharf}) {
            CommandResult result = cli.run("stats", "--no-stream", "busy");
            assertThat(result.exitCode()).as("%s", result).isZero();
            List<String> lines = result.stdout().lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.getFirst()).startsWith("CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT");
            assertThat(lines.get(1)).contains(" busy ").contains(" / 100MiB ").endsWith(" 2"); // sh execs the last sleep: two processes
        }
        dockerOk("rm", "-f", "busy");
    }

    @Test
    void theApiSamplesTwiceForACpuBaseAndStreams() throws Exception {
        String id = wharfOk("run", "-d", "-m", "64m", "--pids-limit", "30", "busybox", "sleep", "300").strip();
        var client = new EngineClient(EngineHost.parse(daemon.host()));
        JsonNode sample = new ObjectMapper().readTree(client.exchange(dev.wharf.api.client.HttpRequest.of("GET",
                "/containers/" + id + "/stats?stream=0")).body());
        assertThat(sample.at("/id").asText()).isEqualTo(id);
        assertThat(sample.at("/memory_stats/limit").asLong()).isEqualTo(64L << 20);
        assertThat(sample.at("/memory_stats/usage").asLong()).isPositive();
        assertThat(sample.at("/pids_stats/current").asLong()).isEqualTo(1);
        assertThat(sample.at("/pids_stats/limit").asLong()).isEqualTo(30);
        assertThat(sample.at("/cpu_stats/system_cpu_usage").asLong())
                .isGreaterThan(sample.at("/precpu_stats/system_cpu_usage").asLong());
        assertThat(sample.at("/cpu_stats/online_cpus").asInt()).isPositive();

        List<dev.wharf.api.types.ContainerStats> streamed = new ArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                client.containerStats(id, true, streamed::add);
            } catch (java.io.IOException ignored) {
                // the stream ends with the container
            }
        });
        while (streamed.size() < 2) {
            Thread.sleep(100);
        }
        dockerOk("kill", id);
        reader.join(30_000);
        assertThat(reader.isAlive()).as("stream ended when the container stopped").isFalse();
        assertThat(streamed.get(1).precpuStats().systemCpuUsage()).isPositive();
        assertThat(streamed.getLast().read()).isEqualTo("0001-01-01T00:00:00Z");
        wharfOk("rm", id);
    }

    @Test
    void aStoppedContainerHasZeroStats() {
        String id = wharfOk("create", "busybox", "true").strip();
        String out = wharfOk("stats", "--no-stream", id);
        assertThat(out.lines().toList().get(1)).contains("0.00%").contains("0B / 0B").endsWith(" 0");
        CommandResult missing = docker.run("stats", "--no-stream", "nosuch");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).contains("No such container: nosuch");
        wharfOk("rm", id);
    }
}

package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** logs with every option, json-file rotation, the none driver and bad log options, through both clients. */
class LogsTest extends EndToEndTest {
    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void streamsStayApartAndEveryOptionApplies(String client) {
        String name = "logs-" + client;
        ok(client, "run", "--name", name, "-l", "team=blue", "-e", "STAGE=test", "--log-opt", "labels=team",
                "--log-opt", "env=STAGE", "busybox", "sh", "-c", "echo out1; echo err1 >&2; sleep 0.1; echo out2");
        CommandResult all = cli(client).run("logs", name);
        assertThat(all.stdout()).isEqualTo("out1\nout2\n");
        assertThat(all.stderr()).isEqualTo("err1\n");

        assertThat(ok(client, "logs", "--tail", "1", name)).isEqualTo("out2\n");
        assertThat(cli(client).run("logs", "-n", "0", name).stdout()).isEmpty();
        assertThat(ok(client, "logs", "-t", name).lines().toList())
                .allMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z out\\d"));
        assertThat(ok(client, "logs", "--details", name)).isEqualTo("STAGE=test,team=blue out1\nSTAGE=test,team=blue out2\n");

        assertThat(ok(client, "logs", "--since", "1h", name)).isEqualTo("out1\nout2\n");
        assertThat(cli(client).run("logs", "--until", "1h", name).stdout()).isEmpty(); // until an hour ago
        String future = Instant.now().plusSeconds(3600).toString();
        assertThat(cli(client).run("logs", "--since", future, name).stdout()).isEmpty();
        assertThat(ok(client, "logs", "--since", "0", "--until", future, name)).isEqualTo("out1\nout2\n");
        ok(client, "rm", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void followEndsWhenTheContainerExits(String client) {
        String name = "follow-" + client;
        ok(client, "run", "-d", "--name", name, "busybox", "sh", "-c", "for i in 1 2 3; do echo tick$i; sleep 0.3; done");
        assertThat(ok(client, "logs", "-f", name)).isEqualTo("tick1\ntick2\ntick3\n");
        assertThat(ok(client, "logs", "-f", "--tail", "1", name)).isEqualTo("tick3\n");
        ok(client, "rm", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void ttyLogsAreAllStdout(String client) {
        String name = "tty-" + client;
        dockerOk("run", "-d", "-t", "--name", name, "busybox", "sh", "-c", "echo a; echo b >&2");
        dockerOk("wait", name);
        CommandResult logs = cli(client).run("logs", name);
        assertThat(logs.stdout()).isEqualTo("a\r\nb\r\n");
        assertThat(logs.stderr()).isEmpty();
        ok(client, "rm", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void maxSizeAndMaxFileRotateAndLogsReadAcrossTheFiles(String client) throws Exception {
        String name = "rotate-" + client;
        String id = ok(client, "run", "-d", "--name", name, "--log-opt", "max-size=2k", "--log-opt", "max-file=3",
                "busybox", "sh", "-c", "i=0; while [ $i -lt 400 ]; do i=$((i+1)); echo line-$i; sleep 0.005; done").strip();
        ok(client, "wait", name);
        Path dir = daemon.dataRoot().resolve("containers").resolve(id);
        assertThat(dir.resolve("container.log.1")).exists();
        assertThat(dir.resolve("container.log.3")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("container.log"))).hasSizeBetween(2, 3);
        }
        List<String> lines = ok(client, "logs", name).lines().toList();
        assertThat(lines.getLast()).isEqualTo("line-400");
        int first = Integer.parseInt(lines.getFirst().substring("line-".length()));
        assertThat(first).as("the oldest lines were rotated away").isGreaterThan(1);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).isEqualTo("line-" + (first + i)); // nothing lost across the files
        }
        ok(client, "rm", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void maxSizeAloneTruncates(String client) {
        String name = "truncate-" + client;
        ok(client, "run", "--name", name, "--log-opt", "max-size=1k", "busybox", "sh", "-c",
                "i=0; while [ $i -lt 300 ]; do i=$((i+1)); echo line-$i; done");
        List<String> lines = ok(client, "logs", name).lines().toList();
        assertThat(lines).isNotEmpty().doesNotContain("line-1").hasSizeLessThan(300);
        ok(client, "rm", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void theNoneDriverKeepsNoLog(String client) {
        String name = "none-" + client;
        ok(client, "run", "--name", name, "--log-driver", "none", "busybox", "echo", "unseen");
        CommandResult logs = cli(client).run("logs", name);
        assertThat(logs.exitCode()).isEqualTo(1);
        assertThat(logs.stderr()).contains("configured logging driver does not support reading");
        assertThat(dockerOk("inspect", "-f", "{{.LogPath}}|{{.HostConfig.LogConfig.Type}}", name).strip()).isEqualTo("|none");
        ok(client, "rm", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void badLogOptionsAreRefusedAtCreate(String client) {
        CommandResult unknown = cli(client).run("run", "--log-opt", "colour=red", "busybox", "true");
        assertThat(unknown.exitCode()).isEqualTo(125);
        assertThat(unknown.stderr()).contains("unknown log opt 'colour' for json-file log driver");
        CommandResult size = cli(client).run("run", "--log-opt", "max-size=lots", "busybox", "true");
        assertThat(size.stderr()).contains("invalid size: 'lots'");
        CommandResult driver = cli(client).run("run", "--log-driver", "carrier-pigeon", "busybox", "true");
        assertThat(driver.stderr()).contains("logger: no log driver named 'carrier-pigeon' is registered");
        assertThat(ok(client, "ps", "-aq")).isBlank();
    }
}

package dev.wharf.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.wharf.api.format.HumanDuration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void sizesLikeGoUnits() {
        assertThat(HumanUnits.size(1984172)).isEqualTo("1.98MB");
        assertThat(HumanUnits.size(1923)).isEqualTo("1.92kB");
        assertThat(HumanUnits.size(4_260_000)).isEqualTo("4.26MB");
        assertThat(HumanUnits.size(5)).isEqualTo("5B");
        assertThat(HumanUnits.size(0)).isEqualTo("0B");
        assertThat(HumanUnits.size(120_000_000)).isEqualTo("120MB");
        assertThat(HumanUnits.size(999_999)).isEqualTo("1e+03kB");
        assertThat(HumanUnits.bytesSize(25275990016L)).isEqualTo("23.54GiB");
    }

    @Test
    void durationsLikeGoUnits() {
        assertThat(HumanDuration.of(Duration.ofMillis(300))).isEqualTo("Less than a second");
        assertThat(HumanDuration.of(Duration.ofSeconds(5))).isEqualTo("5 seconds");
        assertThat(HumanDuration.of(Duration.ofSeconds(70))).isEqualTo("About a minute");
        assertThat(HumanDuration.of(Duration.ofMinutes(7))).isEqualTo("7 minutes");
        assertThat(HumanDuration.of(Duration.ofMinutes(80))).isEqualTo("About an hour");
        assertThat(HumanDuration.of(Duration.ofHours(30))).isEqualTo("30 hours");
        assertThat(HumanDuration.of(Duration.ofDays(3))).isEqualTo("3 days");
        assertThat(HumanUnits.ago(100, 105_000)).isEqualTo("5 seconds ago");
    }

    @Test
    void commandColumnIsQuotedAndCut() {
        String command = "sh -c 'echo hello-stdout; echo hello-stderr >&2'";
        assertThat(GoQuote.quote(GoQuote.ellipsis(command, 20))).isEqualTo("\"sh -c 'echo hello-s…\"");
        assertThat(GoQuote.quote("echo \"hi\"\n")).isEqualTo("\"echo \\\"hi\\\"\\n\"");
    }

    @Test
    void tableMatchesDockerPs() {
        var bytes = new ByteArrayOutputStream();
        var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new TableWriter()
                .row("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES")
                .row("227f85c7257a", "busybox", "\"sh -c 'echo hello-s…\"", "2 minutes ago", "Up 57 seconds", "", "ref-x")
                .print(out);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
        CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS          PORTS     NAMES
        227f85c7257a   busybox   "sh -c 'echo hello-s…"   2 minutes ago   Up 57 seconds             ref-x
        """);
    }
}

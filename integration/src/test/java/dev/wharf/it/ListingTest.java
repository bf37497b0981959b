package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Go templates in inspect, ps and images; ps filters; container prune — through both clients. */
class ListingTest extends EndToEndTest {
    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void inspectFormatsWithGoTemplates(String client) {
        String name = "tmpl-" + client;
        cli(client).run("run", "--name", name, "-l", "com.example.role=web", "-l", "b=2", "-e", "A=1",
                "busybox", "sh", "-c", "exit 3");
        String id = ok(client, "inspect", "-f", "{{.Id}}", name).strip();
        String format = "{{.Id}}|{{.Name}}|{{.State.Status}}|{{.State.ExitCode}}|{{index .Config.Labels \"com.example.role\"}}"
                + "|{{if eq .State.Status \"exited\"}}done{{else}}other{{end}}|{{json .Config.Labels}}|{{len .Config.Cmd}}"
                + "|{{upper .State.Status}}";
        assertThat(ok(client, "inspect", "-f", format, name).strip()).isEqualTo(id + "|/" + name + "|exited|3|web|done"
                + "|{\"b\":\"2\",\"com.example.role\":\"web\"}|3|EXITED");
        if (client.equals("wharf")) { // docker's CLI evaluates inspect templates on untyped JSON: join refuses []interface{}
            assertThat(ok(client, "inspect", "-f", "{{join .Config.Cmd \" \"}}", name).strip()).isEqualTo("sh -c exit 3");
        }
        assertThat(ok(client, "inspect", "-f", "{{range .Config.Env}}{{.}};{{end}}", name)).contains("A=1;").contains("PATH=");
        assertThat(ok(client, "inspect", "-f", "{{range $k, $v := .Config.Labels}}{{$k}}={{$v}},{{end}}", name).strip())
                .isEqualTo("b=2,com.example.role=web,");
        assertThat(ok(client, "inspect", "--format", "{{json .State.Running}} {{.HostConfig.LogConfig.Type}}", name).strip())
                .isEqualTo("false json-file");

        CommandResult bad = cli(client).run("inspect", "-f", "{{nosuchfunc .Id}}", name);
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.stderr()).contains("function \"nosuchfunc\" not defined");
        ok(client, "rm", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void psAndImagesFormat(String client) {
        String name = "fmt-" + client;
        String id = ok(client, "run", "-d", "--name", name, "-l", "tier=front", "busybox", "sleep", "300").strip();
        assertThat(ok(client, "ps", "--format", "{{.ID}} {{.Names}} {{.Image}} {{.State}} {{.Label \"tier\"}}",
                "--filter", "name=" + name).strip()).isEqualTo(id.substring(0, 12) + " " + name + " busybox running front");
        List<String> table = ok(client, "ps", "--format", "table {{.Names}}\\t{{.Status}}", "--filter", "name=" + name)
                .lines().toList();
        assertThat(table.getFirst()).matches("NAMES\\s+STATUS");
        assertThat(table.get(1)).matches(name + "\\s+Up .*");
        assertThat(ok(client, "ps", "--format", "{{json .}}", "--filter", "name=" + name))
                .contains("\"Names\":\"" + name + "\"").contains("\"Labels\":\"tier=front\"");
        assertThat(ok(client, "images", "--format", "{{.Repository}}:{{.Tag}}", "busybox").strip()).isEqualTo("busybox:latest");
        assertThat(ok(client, "images", "--format", "table {{.Repository}}\\t{{.Size}}").lines().findFirst().orElseThrow())
                .matches("REPOSITORY\\s+SIZE");
        ok(client, "rm", "-f", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void psFilters(String client) {
        String prefix = "flt-" + client + "-";
        ok(client, "run", "--name", prefix + "zero", "-l", "group=" + client, "busybox", "true");
        cli(client).run("run", "--name", prefix + "seven", "-l", "group=" + client, "-l", "odd=yes", "busybox", "sh", "-c",
                "exit 7");
        String running = ok(client, "run", "-d", "--name", prefix + "up", "-l", "group=" + client, "busybox", "sleep", "300").strip();

        assertThat(names(client, "--filter", "label=group=" + client)).containsExactly(prefix + "up");
        assertThat(names(client, "-a", "--filter", "label=group=" + client))
                .containsExactly(prefix + "up", prefix + "seven", prefix + "zero");
        assertThat(names(client, "-a", "--filter", "label=group=" + client, "--filter", "label=odd")).containsExactly(prefix + "seven");
        assertThat(names(client, "--filter", "status=exited", "--filter", "label=group=" + client))
                .containsExactly(prefix + "seven", prefix + "zero");
        assertThat(names(client, "--filter", "exited=7", "--filter", "label=group=" + client)).containsExactly(prefix + "seven");
        assertThat(names(client, "-a", "--filter", "name=" + prefix + "ze")).containsExactly(prefix + "zero");
        assertThat(names(client, "-a", "--filter", "id=" + running.substring(0, 10))).containsExactly(prefix + "up");
        assertThat(names(client, "-a", "--filter", "ancestor=busybox", "--filter", "label=group=" + client)).hasSize(3);
        assertThat(names(client, "-a", "--filter", "since=" + prefix + "zero", "--filter", "label=group=" + client))
                .containsExactly(prefix + "up", prefix + "seven");
        assertThat(names(client, "-a", "--filter", "before=" + prefix + "seven", "--filter", "label=group=" + client))
                .containsExactly(prefix + "zero");
        CommandResult bad = cli(client).run("ps", "--filter", "status=sleepy");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.stderr()).contains("invalid filter 'status=sleepy'");
        ok(client, "rm", "-f", prefix + "zero", prefix + "seven", prefix + "up");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void containerPruneRemovesStoppedOnesMatchingTheFilters(String client) {
        String group = "prune-" + client;
        ok(client, "run", "--name", group + "-keep", "-l", "prune=" + group, "-l", "keep=1", "busybox", "true");
        ok(client, "run", "--name", group + "-gone", "-l", "prune=" + group, "busybox", "true");
        String gone = ok(client, "inspect", "-f", "{{.Id}}", group + "-gone").strip();
        ok(client, "run", "-d", "--name", group + "-running", "-l", "prune=" + group, "busybox", "sleep", "300");

        String none = ok(client, "container", "prune", "-f", "--filter", "label=prune=" + group, "--filter", "until=1h");
        assertThat(none.strip()).isEqualTo("Total reclaimed space: 0B");
        String output = ok(client, "container", "prune", "-f", "--filter", "label=prune=" + group, "--filter", "label!=keep");
        assertThat(output).isEqualTo("Deleted Containers:\n" + gone + "\n\nTotal reclaimed space: 0B\n");
        assertThat(names(client, "-a", "--filter", "label=prune=" + group)).containsExactly(group + "-running", group + "-keep");
        ok(client, "rm", "-f", group + "-keep", group + "-running");
    }

    @Test
    void pruneAsksFirst() {
        CommandResult declined = wharf.runWithInput("n\n".getBytes(), "container", "prune");
        assertThat(declined.exitCode()).isZero();
        assertThat(declined.stdout()).startsWith("WARNING! This will remove all stopped containers.");
    }

    private List<String> names(String client, String... filters) {
        String[] args = new String[filters.length + 3];
        args[0] = "ps";
        System.arraycopy(filters, 0, args, 1, filters.length);
        args[filters.length + 1] = "--format";
        args[filters.length + 2] = "{{.Names}}";
        return ok(client, args).lines().toList();
    }
}

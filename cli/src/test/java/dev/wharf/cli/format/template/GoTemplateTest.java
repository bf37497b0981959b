package dev.wharf.cli.format.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.ApiJson;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class GoTemplateTest {
    private static final String CONTAINER = """
            {"Id":"abc123","Name":"/web","State":{"Status":"running","Running":true,"ExitCode":0,"Pid":42},
             "Config":{"Labels":{"b":"2","a":"1","dotted.key":"x"},"Env":["A=1","B=2"],"Cmd":["sh","-c","echo hi"],
                       "Image":"busybox","Tty":false},
             "Mounts":[{"Source":"/s1","Destination":"/d1"},{"Source":"/s2","Destination":"/d2"}],
             "NetworkSettings":{"Ports":{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"}],"53/udp":null}},
             "Size":1.5,"Count":3,"Empty":"","Nothing":null}""";

    private static String run(String template) throws IOException {
        JsonNode data = ApiJson.mapper().readTree(CONTAINER);
        return GoTemplate.parse(template).execute(data);
    }

    @Test
    void fieldsNestedFieldsAndMissingOnes() throws IOException {
        assertThat(run("{{.Id}} {{.Name}} {{.State.Status}} {{.State.Pid}}")).isEqualTo("abc123 /web running 42");
        assertThat(run("{{.Missing}}|{{.Nothing}}|{{.State.Missing.Deeper}}")).isEqualTo("<no value>|<nil>|<no value>");
        assertThat(run("{{.Config.Cmd}} {{.Config.Labels}} {{.Size}} {{.State.Running}}"))
                .isEqualTo("[sh -c echo hi] map[a:1 b:2 dotted.key:x] 1.5 true");
    }

    @Test
    void healthcheckDurationsPrintAsGoDurationsAndStayNumbersInJson() throws IOException {
        JsonNode image = GoDurationNode.markDurations(ApiJson.mapper().readTree("""
                {"Config":{"Healthcheck":{"Test":["CMD","true"],"Interval":1500000000,"Timeout":90000000000,
                 "StartPeriod":0,"Retries":3}}}"""));
        GoTemplate template = GoTemplate.parse(
                "{{.Config.Healthcheck.Interval}} {{.Config.Healthcheck.Timeout}} {{.Config.Healthcheck.StartPeriod}}"
                        + " {{.Config.Healthcheck.Retries}} {{json .Config.Healthcheck.Interval}}");
        assertThat(template.execute(image)).isEqualTo("1.5s 1m30s 0s 3 1500000000");
    }

    @Test
    void jsonOfAnythingIncludingDot() throws IOException {
        assertThat(run("{{json .Config.Labels}}")).isEqualTo("{\"b\":\"2\",\"a\":\"1\",\"dotted.key\":\"x\"}");
        assertThat(run("{{json .Mounts}}")).startsWith("[{\"Source\":\"/s1\"");
        assertThat(run("{{.Config.Cmd | json}}")).isEqualTo("[\"sh\",\"-c\",\"echo hi\"]");
        assertThat(run("{{json .}}")).startsWith("{\"Id\":\"abc123\"");
    }

    @Test
    void rangeWithAndWithoutVariablesAndElse() throws IOException {
        assertThat(run("{{range .Mounts}}{{.Source}}:{{.Destination}} {{end}}")).isEqualTo("/s1:/d1 /s2:/d2 ");
        assertThat(run("{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}")).isEqualTo("a=1;b=2;dotted.key=x;");
        assertThat(run("{{range $i, $m := .Mounts}}{{$i}}{{$m.Source}}{{end}}")).isEqualTo("0/s11/s2");
        assertThat(run("{{range $p, $conf := .NetworkSettings.Ports}}{{$p}}->{{(index $conf 0).HostPort}} {{end}}"))
                .isEqualTo("53/udp-><no value> 80/tcp->8080 ");
        assertThat(run("{{range .Config.Missing}}x{{else}}none{{end}}")).isEqualTo("none");
        assertThat(run("{{range .Config.Env}}{{println .}}{{end}}")).isEqualTo("A=1\nB=2\n");
    }

    @Test
    void conditionalsAndComparisons() throws IOException {
        assertThat(run("{{if .State.Running}}up{{else}}down{{end}}")).isEqualTo("up");
        assertThat(run("{{if eq .State.Status \"exited\"}}e{{else if eq .State.Status \"running\"}}r{{else}}?{{end}}"))
                .isEqualTo("r");
        assertThat(run("{{if .Empty}}a{{else}}b{{end}}{{if not .Empty}}c{{end}}")).isEqualTo("bc");
        assertThat(run("{{if and .State.Running (gt .Count 2)}}yes{{end}}")).isEqualTo("yes");
        assertThat(run("{{or .Empty \"fallback\"}}")).isEqualTo("fallback");
        assertThat(run("{{with .State}}{{.Status}}{{end}}{{with .Empty}}x{{else}}y{{end}}")).isEqualTo("runningy");
    }

    @Test
    void indexAndDockersStringFunctions() throws IOException {
        assertThat(run("{{index .Config.Labels \"dotted.key\"}} {{index .Config.Cmd 2}}")).isEqualTo("x echo hi");
        assertThat(run("{{join .Config.Cmd \",\"}} {{split \"a:b:c\" \":\"}} {{len .Mounts}}")).isEqualTo("sh,-c,echo hi [a b c] 2");
        assertThat(run("{{upper .Name}} {{lower \"ABC\"}} {{title \"hello world\"}} {{truncate .Id 3}}"))
                .isEqualTo("/WEB abc Hello World abc");
        assertThat(run("{{printf \"%s-%d-%q\" .Name .Count .Id}} {{print 1 2 \"x\"}}")).isEqualTo("/web-3-\"abc123\" 1 2x");
    }

    @Test
    void methodsWithArguments() throws IOException {
        JsonNode data = ApiJson.mapper().readTree(CONTAINER);
        GoTemplate.Methods label = (receiver, name, args) -> name.equals("Label")
                ? receiver.path("Config").path("Labels").path(args.getFirst().asText()) : null;
        assertThat(GoTemplate.parse("{{.Label \"a\"}}").execute(data, label)).isEqualTo("1");
        assertThatThrownBy(() -> GoTemplate.parse("{{.Id \"x\"}}").execute(data, label))
                .hasMessageContaining("can't give argument to non-function .Id");
    }

    @Test
    void variablesTrimMarkersAndComments() throws IOException {
        assertThat(run("{{$n := .Name}}{{/* a comment */}}[{{$n}}]")).isEqualTo("[/web]");
        assertThat(run("a  {{- .Count -}}  b\n")).isEqualTo("a3b\n");
        assertThat(run("{{$.Id}}{{range .Mounts}}{{$.Name}}{{end}}")).isEqualTo("abc123/web/web");
    }

    @Test
    void errorsUseGosWording() {
        assertThatThrownBy(() -> run("{{nope .Id}}")).isInstanceOf(TemplateException.class)
                .hasMessage("template: :1: function \"nope\" not defined");
        assertThatThrownBy(() -> run("{{if .Id}}x")).hasMessageContaining("unexpected EOF");
        assertThatThrownBy(() -> run("{{.Id")).hasMessageContaining("unclosed action");
        assertThatThrownBy(() -> run("{{end}}")).hasMessageContaining("unexpected {{end}}");
        assertThatThrownBy(() -> run("{{index .Config.Cmd 7}}")).hasMessageContaining("index out of range");
    }
}

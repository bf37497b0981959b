package dev.wharf.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.build.dockerfile.Instruction.Add;
import dev.wharf.build.dockerfile.Instruction.Arg;
import dev.wharf.build.dockerfile.Instruction.Cmd;
import dev.wharf.build.dockerfile.Instruction.Copy;
import dev.wharf.build.dockerfile.Instruction.Env;
import dev.wharf.build.dockerfile.Instruction.From;
import dev.wharf.build.dockerfile.Instruction.Healthcheck;
import dev.wharf.build.dockerfile.Instruction.OnBuild;
import dev.wharf.build.dockerfile.Instruction.Run;
import dev.wharf.build.dockerfile.Instruction.Volume;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

    private static Dockerfile parse(String text) throws DockerfileSyntaxException {
        return DockerfileParser.parse(text);
    }

    private static List<Instruction> body(String text) throws DockerfileSyntaxException {
        return parse(text).stages().getFirst().instructions();
    }

    @Test
    void stagesMetaArgsAndLineNumbers() throws Exception {
        Dockerfile file = parse("""
                ARG BASE=busybox
                # comment
                FROM $BASE AS Build
                RUN true

                from scratch
                COPY --from=build /a /b
                """);
        assertThat(file.metaArgs()).hasSize(1);
        assertThat(file.metaArgs().getFirst().args()).containsExactly(new KeyValue("BASE", "busybox"));
        assertThat(file.stages()).hasSize(2);
        From from = file.stages().getFirst().from();
        assertThat(from.image()).isEqualTo("$BASE");
        assertThat(from.stageName()).isEqualTo("build");
        assertThat(from.source().line()).isEqualTo(3);
        Copy copy = (Copy) file.stages().get(1).instructions().getFirst();
        assertThat(copy.flags()).containsEntry("from", "build");
        assertThat(copy.source()).isEqualTo(new Source(7, "COPY --from=build /a /b"));
        assertThat(file.stepCount(1)).isEqualTo(4);
    }

    @Test
    void continuationsCommentsAndEmptyContinuationLines() throws Exception {
        List<Instruction> body = body("FROM busybox\nRUN echo a \\\n# inside\n\n    && echo b\nENV A=1 \\\n  B=2\n");
        Run run = (Run) body.getFirst();
        assertThat(run.command()).isEqualTo(new Command.ShellForm("echo a     && echo b"));
        assertThat(run.source().line()).isEqualTo(2);
        assertThat(((Env) body.get(1)).pairs()).containsExactly(new KeyValue("A", "1"), new KeyValue("B", "2"));
        assertThat(body.get(1).source().line()).isEqualTo(6);
    }

    @Test
    void escapeDirectiveChangesTheContinuationCharacter() throws Exception {
        Dockerfile file = parse("# escape=`\n# syntax=docker/dockerfile:1\nFROM busybox\nRUN echo a `\n  b\\c\n");
        assertThat(file.escape()).isEqualTo('`');
        assertThat(((Run) file.stages().getFirst().instructions().getFirst()).command())
                .isEqualTo(new Command.ShellForm("echo a   b\\c"));
    }

    @Test
    void directivesOnlyCountAtTheTop() throws Exception {
        Dockerfile file = parse("FROM busybox\n# escape=`\nRUN echo \\\n  x\n");
        assertThat(file.escape()).isEqualTo('\\');
        assertThatThrownBy(() -> parse("# escape=x\nFROM busybox\n")).hasMessage("invalid escape token 'x' does not match ` or \\");
        assertThatThrownBy(() -> parse("# escape=`\n# escape=\\\nFROM busybox\n"))
                .hasMessage("only one escape parser directive can be used");
    }

    @Test
    void execAndShellForms() throws Exception {
        List<Instruction> body = body("""
                FROM busybox
                CMD ["echo", "hi there"]
                CMD [not json
                RUN ["sh", "-c", "exit 0"]
                VOLUME ["/a", "/b"]
                VOLUME /c /d
                COPY ["a b", "/dest/"]
                """);
        assertThat(((Cmd) body.get(0)).command()).isEqualTo(new Command.ExecForm(List.of("echo", "hi there")));
        assertThat(((Cmd) body.get(1)).command()).isEqualTo(new Command.ShellForm("[not json"));
        assertThat(((Run) body.get(2)).command()).isInstanceOf(Command.ExecForm.class);
        assertThat(((Volume) body.get(3)).paths()).containsExactly("/a", "/b");
        assertThat(((Volume) body.get(4)).paths()).containsExactly("/c", "/d");
        assertThat(((Copy) body.get(5)).sources()).containsExactly("a b");
        assertThat(((Cmd) body.get(0)).command().argv(List.of("/bin/sh", "-c"))).containsExactly("echo", "hi there");
        assertThat(((Cmd) body.get(1)).command().argv(List.of("/bin/sh", "-c")))
                .containsExactly("/bin/sh", "-c", "[not json");
    }

    @Test
    void heredocsIncludingSeveralOnOneLine() throws Exception {
        List<Instruction> body = body("""
                FROM busybox
                RUN <<EOF
                echo one
                EOF
                RUN cat <<A <<-"B" > /out
                a
                A
                \tb $X
                \tB
                COPY <<EOF /file
                content
                EOF
                CMD true
                """);
        Run first = (Run) body.get(0);
        assertThat(first.heredocs()).containsExactly(new Heredoc("EOF", "echo one\n", true));
        Run second = (Run) body.get(1);
        assertThat(second.heredocs()).containsExactly(new Heredoc("A", "a\n", true), new Heredoc("B", "b $X\n", false));
        Copy copy = (Copy) body.get(2);
        assertThat(copy.sources()).containsExactly("<<EOF");
        assertThat(copy.heredocs()).containsExactly(new Heredoc("EOF", "content\n", true));
        assertThat(body.get(3)).isInstanceOf(Cmd.class);
        assertThat(body.get(3).source().line()).isEqualTo(13);
    }

    @Test
    void onBuildEnvForms() throws Exception {
        List<Instruction> body = body("""
                FROM busybox
                ONBUILD RUN echo hi
                ENV OLD value with spaces
                ENV A="quoted value" B=plain
                ARG ONE TWO=2
                HEALTHCHECK --interval=5s CMD ["true"]
                HEALTHCHECK NONE
                ADD --chown=1:1 --link src /dst
                """);
        OnBuild onBuild = (OnBuild) body.get(0);
        assertThat(onBuild.expression()).isEqualTo("RUN echo hi");
        assertThat(onBuild.trigger()).isInstanceOf(Run.class);
        assertThat(((Env) body.get(1)).pairs()).containsExactly(new KeyValue("OLD", "value with spaces"));
        assertThat(((Env) body.get(2)).pairs()).containsExactly(new KeyValue("A", "\"quoted value\""), new KeyValue("B", "plain"));
        assertThat(((Arg) body.get(3)).args()).containsExactly(new KeyValue("ONE", null), new KeyValue("TWO", "2"));
        Healthcheck check = (Healthcheck) body.get(4);
        assertThat(check.flags()).containsEntry("interval", "5s");
        assertThat(((Healthcheck) body.get(5)).test()).isNull();
        assertThat(((Add) body.get(6)).flags()).containsEntry("chown", "1:1").containsEntry("link", "true");
    }

    @Test
    void malformedInputNamesTheLine() {
        assertThatThrownBy(() -> parse("FROM busybox\nRUN true\nFOO bar\n"))
                .isInstanceOf(DockerfileSyntaxException.class)
                .hasMessage("dockerfile parse error on line 3: unknown instruction: FOO");
        assertThatThrownBy(() -> parse("RUN true\n")).hasMessage("dockerfile parse error on line 1: no build stage in current context");
        assertThatThrownBy(() -> parse("FROM a b\n")).hasMessage("dockerfile parse error on line 1: FROM requires either one or three arguments");
        assertThatThrownBy(() -> parse("FROM busybox AS 1x\n")).hasMessageContaining("invalid name for build stage");
        assertThatThrownBy(() -> parse("FROM busybox\nCOPY onlyone\n")).hasMessage("dockerfile parse error on line 2: "
                + "COPY requires at least two arguments, but only one was provided. Destination could not be determined.");
        assertThatThrownBy(() -> parse("FROM busybox\nENV A=1 B\n")).hasMessage("dockerfile parse error on line 2: "
                + "Syntax error - can't find = in \"B\". Must be of the form: name=value");
        assertThatThrownBy(() -> parse("FROM busybox\nENV\n")).hasMessageContaining("ENV requires at least one argument");
        assertThatThrownBy(() -> parse("FROM busybox\nENV lonely\n")).hasMessageContaining("ENV must have two arguments");
        assertThatThrownBy(() -> parse("FROM busybox\nSHELL /bin/bash\n")).hasMessageContaining("SHELL requires the arguments to be in JSON form");
        assertThatThrownBy(() -> parse("FROM busybox\nWORKDIR\n")).hasMessageContaining("WORKDIR requires exactly one argument");
        assertThatThrownBy(() -> parse("FROM busybox\nONBUILD ONBUILD RUN x\n")).hasMessageContaining("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        assertThatThrownBy(() -> parse("FROM busybox\nONBUILD FROM x\n")).hasMessageContaining("FROM isn't allowed as an ONBUILD trigger");
        assertThatThrownBy(() -> parse("FROM busybox\nCOPY --nope=1 a b\n")).hasMessage("dockerfile parse error on line 2: unknown flag: nope");
        assertThatThrownBy(() -> parse("FROM busybox\nRUN <<EOF\necho\n")).hasMessage("dockerfile parse error on line 2: unterminated heredoc EOF");
        assertThatThrownBy(() -> parse("FROM busybox\nHEALTHCHECK CMDX true\n")).hasMessageContaining("Unknown type \"CMDX\" in HEALTHCHECK (try CMD)");
    }

    @Test
    void emptyFileHasNoStages() throws Exception {
        assertThat(parse("# only a comment\n\n").stages()).isEmpty();
    }
}

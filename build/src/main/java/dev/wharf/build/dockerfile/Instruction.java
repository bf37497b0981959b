package dev.wharf.build.dockerfile;

import java.util.List;
import java.util.Map;

/**
 * One Dockerfile instruction as parsed: arguments still unexpanded, because variables take the values
 * the stage has when the step runs.
 */
public sealed interface Instruction {
    Source source();

    /** The keyword, upper case, as in "unknown instruction" and history entries. */
    default String keyword() {
        return getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
    }

    record From(Source source, String image, String stageName, String platform) implements Instruction {}

    record Run(Source source, Command command, Map<String, String> flags, List<Heredoc> heredocs)
            implements Instruction {}

    record Cmd(Source source, Command command) implements Instruction {}

    record Entrypoint(Source source, Command command) implements Instruction {}

    record Env(Source source, List<KeyValue> pairs) implements Instruction {}

    record Arg(Source source, List<KeyValue> args) implements Instruction {}

    record Label(Source source, List<KeyValue> pairs) implements Instruction {}

    record Expose(Source source, List<String> ports) implements Instruction {}

    record Volume(Source source, List<String> paths) implements Instruction {}

    record Workdir(Source source, String path) implements Instruction {}

    record User(Source source, String user) implements Instruction {}

    record Shell(Source source, List<String> shell) implements Instruction {}

    record StopSignal(Source source, String signal) implements Instruction {}

    /** {@code test} null means {@code HEALTHCHECK NONE}. */
    record Healthcheck(Source source, Command test, Map<String, String> flags) implements Instruction {}

    record Maintainer(Source source, String name) implements Instruction {}

    /** COPY and ADD: sources (or heredoc names), destination and flags ({@code --from}, {@code --chown}…). */
    sealed interface Transfer extends Instruction {
        List<String> sources();

        String destination();

        Map<String, String> flags();

        List<Heredoc> heredocs();
    }

    record Copy(Source source, List<String> sources, String destination, Map<String, String> flags,
            List<Heredoc> heredocs) implements Transfer {}

    record Add(Source source, List<String> sources, String destination, Map<String, String> flags,
            List<Heredoc> heredocs) implements Transfer {}

    /** {@code expression} is the trigger's text, stored in the image's OnBuild and parsed again where it fires. */
    record OnBuild(Source source, Instruction trigger, String expression) implements Instruction {}
}

package dev.wharf.cli.format.template;

import java.util.List;

/**
 * The parse tree of a Go template (the subset of {@code text/template} docker users write):
 * text, actions, {@code if}/{@code else if}/{@code else}, {@code range} (with {@code $i, $v :=} and
 * {@code else}), {@code with}, and pipelines of commands joined by {@code |}.
 */
sealed interface Node {
    record Text(String text) implements Node {}

    /** {@code {{pipeline}}}: the pipeline's value is printed (unless it only declares a variable). */
    record Action(Pipeline pipeline) implements Node {}

    record If(Pipeline condition, List<Node> then, List<Node> otherwise) implements Node {}

    record Range(Pipeline over, List<Node> body, List<Node> otherwise) implements Node {}

    record With(Pipeline value, List<Node> body, List<Node> otherwise) implements Node {}

    /** {@code $a, $b := cmd | cmd}; {@code declared} is empty without a declaration. */
    record Pipeline(List<String> declared, List<Command> commands, int line) {}

    /** A function call with arguments, or a single operand (possibly given arguments, like a method). */
    record Command(List<Operand> operands) {}

    sealed interface Operand {}

    /** {@code .A.B} on dot; {@code .} itself when {@code fields} is empty. */
    record Field(List<String> fields) implements Operand {}

    /** {@code $x.A.B}; {@code $} is the data the template started with. */
    record Variable(String name, List<String> fields) implements Operand {}

    record Function(String name) implements Operand {}

    record Literal(Object value) implements Operand {}

    /** {@code (pipeline).A.B}. */
    record Group(Pipeline pipeline, List<String> fields) implements Operand {}
}

package dev.wharf.cli.format.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Go {@code text/template} subset evaluated over JSON trees, for every {@code --format}: the
 * templates see the same field names as docker's (its types marshal to these JSON names). Grammar in
 * {@link Parser}, functions in {@link Functions}. A field that is missing prints {@code <no value>},
 * as a Go map lookup does. Docker's contexts also have methods with arguments ({@code {{.Label "key"}}}
 * of {@code ps}): the caller supplies them as {@link Methods}.
 */
public final class GoTemplate {
    /** Methods with arguments on the data, like Go methods on docker's formatting contexts. */
    @FunctionalInterface
    public interface Methods {
        /** The method's result on {@code receiver}, or null when it has no such method. */
        JsonNode call(JsonNode receiver, String name, List<JsonNode> args);
    }

    private final List<Node> nodes;

    private GoTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** @throws TemplateException with Go's message when the template does not parse or names an unknown function */
    public static GoTemplate parse(String template) {
        List<Node> nodes = Parser.parse(template);
        checkFunctions(nodes);
        return new GoTemplate(nodes);
    }

    /** @throws TemplateException when execution fails (a bad index, wrong argument counts) */
    public String execute(JsonNode data) {
        return execute(data, (receiver, name, args) -> null);
    }

    public String execute(JsonNode data, Methods methods) {
        var run = new Run(data, methods);
        run.list(nodes, data);
        return run.out.toString();
    }

    /** One execution: the output so far and the variable scopes ({@code $} is the data). */
    private static final class Run {
        private final StringBuilder out = new StringBuilder();
        private final Deque<Map<String, JsonNode>> scopes = new ArrayDeque<>();
        private final Methods methods;

        Run(JsonNode data, Methods methods) {
            this.methods = methods;
            Map<String, JsonNode> top = new HashMap<>();
            top.put("$", data);
            scopes.push(top);
        }

        void list(List<Node> nodes, JsonNode dot) {
            for (Node node : nodes) {
                node(node, dot);
            }
        }

        private void node(Node node, JsonNode dot) {
            switch (node) {
                case Node.Text text -> out.append(text.text());
                case Node.Action action -> {
                    JsonNode value = pipeline(action.pipeline(), dot);
                    if (action.pipeline().declared().isEmpty()) {
                        out.append(GoValues.print(value));
                    }
                }
                case Node.If branch -> scoped(() -> {
                    if (GoValues.truth(pipeline(branch.condition(), dot))) {
                        list(branch.then(), dot);
                    } else {
                        list(branch.otherwise(), dot);
                    }
                });
                case Node.With with -> scoped(() -> {
                    JsonNode value = pipeline(with.value(), dot);
                    if (GoValues.truth(value)) {
                        list(with.body(), value);
                    } else {
                        list(with.otherwise(), dot);
                    }
                });
                case Node.Range range -> scoped(() -> range(range, dot));
            }
        }

        private void range(Node.Range range, JsonNode dot) {
            List<String> names = range.over().declared();
            JsonNode over = pipeline(new Node.Pipeline(List.of(), range.over().commands(), range.over().line()), dot);
            List<Map.Entry<JsonNode, JsonNode>> items = new ArrayList<>();
            if (over.isArray()) {
                for (int i = 0; i < over.size(); i++) {
                    items.add(Map.entry(GoValues.NODES.numberNode(i), over.get(i)));
                }
            } else if (over.isObject()) {
                GoValues.sortedFields(over).forEach(e -> items.add(Map.entry(GoValues.NODES.textNode(e.getKey()), e.getValue())));
            } else if (!over.isMissingNode() && !over.isNull()) {
                throw new TemplateException("template: :" + range.over().line() + ": range can't iterate over "
                        + GoValues.print(over));
            }
            if (items.isEmpty()) {
                list(range.otherwise(), dot);
                return;
            }
            for (var item : items) {
                if (names.size() == 1) {
                    scopes.peek().put(names.getFirst(), item.getValue());
                } else if (names.size() == 2) {
                    scopes.peek().put(names.get(0), item.getKey());
                    scopes.peek().put(names.get(1), item.getValue());
                }
                list(range.body(), item.getValue());
            }
        }

        private void scoped(Runnable body) {
            scopes.push(new HashMap<>());
            try {
                body.run();
            } finally {
                scopes.pop();
            }
        }

        private JsonNode pipeline(Node.Pipeline pipeline, JsonNode dot) {
            JsonNode value = null;
            for (Node.Command command : pipeline.commands()) {
                value = command(command, dot, value, pipeline.line());
            }
            for (String name : pipeline.declared()) {
                scopes.peek().put(name, value);
            }
            return value;
        }

        /** {@code piped}: the previous command's value, passed as the last argument (null for the first command). */
        private JsonNode command(Node.Command command, JsonNode dot, JsonNode piped, int line) {
            List<Node.Operand> operands = command.operands();
            if (operands.getFirst() instanceof Node.Function function) {
                List<JsonNode> args = new ArrayList<>();
                for (Node.Operand operand : operands.subList(1, operands.size())) {
                    args.add(operand(operand, dot, line));
                }
                if (piped != null) {
                    args.add(piped);
                }
                return Functions.call(function.name(), args, line);
            }
            JsonNode value = operand(operands.getFirst(), dot, line);
            List<JsonNode> args = new ArrayList<>();
            for (Node.Operand operand : operands.subList(1, operands.size())) {
                args.add(operand(operand, dot, line));
            }
            if (piped != null) {
                args.add(piped);
            }
            if (args.isEmpty()) {
                return value;
            }
            if (operands.getFirst() instanceof Node.Field field && !field.fields().isEmpty()) {
                List<String> path = field.fields();
                JsonNode result = methods.call(walk(dot, path.subList(0, path.size() - 1)), path.getLast(), args);
                if (result != null) {
                    return result;
                }
            }
            throw new TemplateException("template: :" + line + ": can't give argument to non-function "
                    + describe(operands.getFirst()));
        }

        private JsonNode operand(Node.Operand operand, JsonNode dot, int line) {
            return switch (operand) {
                case Node.Field field -> walk(dot, field.fields());
                case Node.Variable variable -> walk(variable(variable.name(), line), variable.fields());
                case Node.Literal literal -> GoValues.of(literal.value());
                case Node.Function function -> Functions.call(function.name(), List.of(), line);
                case Node.Group group -> walk(pipeline(group.pipeline(), dot), group.fields());
            };
        }

        private JsonNode variable(String name, int line) {
            for (Map<String, JsonNode> scope : scopes) {
                if (scope.containsKey(name)) {
                    return scope.get(name);
                }
            }
            throw new TemplateException("template: :" + line + ": undefined variable \"" + name + "\"");
        }

        private static JsonNode walk(JsonNode value, List<String> fields) {
            JsonNode current = value;
            for (String field : fields) {
                JsonNode next = current != null && current.isObject() ? current.get(field) : null;
                current = next == null ? GoValues.missing() : next;
            }
            return current == null ? GoValues.missing() : current;
        }
    }

    private static String describe(Node.Operand operand) {
        return switch (operand) {
            case Node.Field field -> "." + String.join(".", field.fields());
            case Node.Variable variable -> variable.name();
            default -> operand.toString();
        };
    }

    /** Go fails at parse time on an unknown function; so do we. */
    private static void checkFunctions(List<Node> nodes) {
        for (Node node : nodes) {
            switch (node) {
                case Node.Text text -> { }
                case Node.Action action -> checkFunctions(action.pipeline());
                case Node.If branch -> {
                    checkFunctions(branch.condition());
                    checkFunctions(branch.then());
                    checkFunctions(branch.otherwise());
                }
                case Node.Range range -> {
                    checkFunctions(range.over());
                    checkFunctions(range.body());
                    checkFunctions(range.otherwise());
                }
                case Node.With with -> {
                    checkFunctions(with.value());
                    checkFunctions(with.body());
                    checkFunctions(with.otherwise());
                }
            }
        }
    }

    private static void checkFunctions(Node.Pipeline pipeline) {
        for (Node.Command command : pipeline.commands()) {
            for (Node.Operand operand : command.operands()) {
                if (operand instanceof Node.Function function && !Functions.exists(function.name())) {
                    throw new TemplateException("template: :" + pipeline.line() + ": function \"" + function.name()
                            + "\" not defined");
                }
                if (operand instanceof Node.Group group) {
                    checkFunctions(group.pipeline());
                }
            }
        }
    }
}

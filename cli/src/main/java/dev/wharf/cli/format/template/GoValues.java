package dev.wharf.cli.format.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How Go's {@code fmt} prints decoded JSON ({@code %v}), and Go's notion of truth. */
final class GoValues {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GoValues() {}

    static String print(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "<no value>";
        }
        if (value.isNull()) {
            return "<nil>";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value instanceof GoDurationNode duration) {
            return duration.asText();
        }
        if (value.isNumber()) {
            return number(value);
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(nested(item)));
            return "[" + String.join(" ", items) + "]";
        }
        if (value.isObject()) {
            return "map[" + sortedFields(value).stream().map(e -> e.getKey() + ":" + nested(e.getValue()))
                    .collect(Collectors.joining(" ")) + "]";
        }
        return value.asText();
    }

    /** Inside a slice or map Go prints nil as {@code <nil>} too. */
    private static String nested(JsonNode value) {
        return value.isNull() ? "<nil>" : print(value);
    }

    /** Integers as integers; other numbers in Go's shortest form ({@code %v} of a float64). */
    private static String number(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        BigDecimal decimal = value.decimalValue().stripTrailingZeros();
        if (decimal.scale() <= 0 && decimal.precision() - decimal.scale() <= 21) {
            return decimal.toPlainString();
        }
        double d = value.doubleValue();
        String text = Double.toString(d);
        return text.contains("E") ? text.replace("E", "e+").replace("e+-", "e-") : text;
    }

    /** Go's template truth: false, 0, nil, and empty strings, slices and maps are false. */
    static boolean truth(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return value.size() > 0;
    }

    /** Map entries in key order, as Go ranges over and prints maps. */
    static List<Map.Entry<String, JsonNode>> sortedFields(JsonNode object) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            fields.add(it.next());
        }
        fields.sort(Map.Entry.comparingByKey());
        return fields;
    }

    static JsonNode of(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case JsonNode node -> node;
            case String s -> NODES.textNode(s);
            case Long l -> NODES.numberNode(l);
            case Integer i -> NODES.numberNode(i);
            case Double d -> NODES.numberNode(d);
            case Boolean b -> NODES.booleanNode(b);
            default -> throw new IllegalArgumentException("not a template value: " + value);
        };
    }

    static JsonNode missing() {
        return MissingNode.getInstance();
    }
}

package dev.wharf.cli.format.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.ApiJson;
import java.util.List;

/** Go's {@code fmt.Sprintf} for the verbs templates use: {@code %s %v %d %q %t %%}, with an optional width. */
final class Printf {
    private Printf() {}

    static String format(String format, List<JsonNode> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            int start = ++i;
            while (i < format.length() && (Character.isDigit(format.charAt(i)) || format.charAt(i) == '-')) {
                i++;
            }
            String width = format.substring(start, i);
            char verb = i < format.length() ? format.charAt(i) : '%';
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (next >= args.size()) {
                out.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            JsonNode arg = args.get(next++);
            String text = switch (verb) {
                case 'q' -> ApiJson.toJson(GoValues.NODES.textNode(GoValues.print(arg)));
                default -> GoValues.print(arg);
            };
            out.append(width.isEmpty() ? text : String.format("%" + width + "s", text));
        }
        return out.toString();
    }
}

package dev.wharf.build.expand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The variables a word is expanded with: the stage's ENV and the ARGs in scope, later ones winning. */
public final class Variables {
    private final Map<String, String> values = new LinkedHashMap<>();

    public static Variables of(Map<String, String> values) {
        Variables v = new Variables();
        v.values.putAll(values);
        return v;
    }

    /** From {@code KEY=value} strings such as an image's Env; a later duplicate wins. */
    public static Variables ofEnv(List<String> env) {
        Variables v = new Variables();
        for (String entry : env) {
            int eq = entry.indexOf('=');
            v.values.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        return v;
    }

    public Map<String, String> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public Variables with(Map<String, String> more) {
        Variables v = of(values);
        v.values.putAll(more);
        return v;
    }

    /** The value, or null when unset. */
    public String get(String name) {
        return values.get(name);
    }
}

package dev.wharf.registry.storage;

import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import java.util.regex.Pattern;

/** Tag grammar of the spec: {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}} (so never a path). */
public final class Tag {
    private static final Pattern GRAMMAR = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

    private Tag() {}

    public static boolean isValid(String tag) {
        return tag != null && GRAMMAR.matcher(tag).matches();
    }

    public static String require(String tag) {
        if (!isValid(tag)) {
            throw new RegistryException(ErrorCode.MANIFEST_INVALID, "invalid tag: " + tag);
        }
        return tag;
    }
}

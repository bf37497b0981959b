package dev.wharf.registry.storage;

import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import java.util.regex.Pattern;

/**
 * A repository name that matched the spec's grammar, so it can never name a path outside the store:
 * components of lowercase alphanumerics joined by single separators, no empty, dot or dot-dot parts.
 */
public record RepositoryName(String value) {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";
    private static final Pattern GRAMMAR = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    /** distribution's limit: longer names do not fit a reference in most clients. */
    private static final int MAX_LENGTH = 255;

    public RepositoryName {
        if (value == null || value.length() > MAX_LENGTH || !GRAMMAR.matcher(value).matches()) {
            throw new RegistryException(ErrorCode.NAME_INVALID, "invalid repository name: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

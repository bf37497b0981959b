package dev.wharf.registry.auth;

import java.util.Set;

/**
 * One resource and the actions wanted on it, as the Docker token spec's scope writes it:
 * {@code repository:library/busybox:pull,push}, {@code registry:catalog:*}.
 */
public record Access(String type, String name, Set<String> actions) {
    public static final String PULL = "pull";
    public static final String PUSH = "push";
    public static final String DELETE = "delete";

    public static Access repository(String name, String action) {
        return new Access("repository", name, Set.of(action));
    }

    public static Access catalog() {
        return new Access("registry", "catalog", Set.of("*"));
    }

    public String scope() {
        return type + ":" + name + ":" + String.join(",", actions.stream().sorted().toList());
    }
}

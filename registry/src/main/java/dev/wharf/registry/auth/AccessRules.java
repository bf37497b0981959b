package dev.wharf.registry.auth;

import dev.wharf.registry.config.RegistryConfig;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which actions an account may take on a resource. Without rules every authenticated account may do
 * everything and anonymous requests nothing (distribution's htpasswd behaviour); with rules, what the
 * matching rules grant, "*" standing for any account (anonymous included) and a trailing "*" in a
 * repository pattern for a prefix.
 */
public final class AccessRules {
    public static final String ANONYMOUS = "";
    private static final Set<String> ALL = Set.of(Access.PULL, Access.PUSH, Access.DELETE, "*");

    private final List<RegistryConfig.Rule> rules;

    public AccessRules(List<RegistryConfig.Rule> rules) {
        this.rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The subset of {@code access.actions()} the account is granted. */
    public Set<String> granted(String account, Access access) {
        Set<String> granted = new LinkedHashSet<>();
        if (rules.isEmpty()) {
            if (!account.equals(ANONYMOUS)) {
                granted.addAll(access.actions());
            }
            return granted;
        }
        for (RegistryConfig.Rule rule : rules) {
            if (matchesAccount(rule.account(), account) && matchesResource(rule.repository(), access)) {
                for (String action : access.actions()) {
                    if (rule.actions().contains(action) || rule.actions().contains("*")) {
                        granted.add(action);
                    }
                }
            }
        }
        granted.retainAll(ALL);
        return granted;
    }

    public boolean permits(String account, Access access) {
        return granted(account, access).containsAll(access.actions());
    }

    private static boolean matchesAccount(String pattern, String account) {
        return "*".equals(pattern) || (pattern != null && pattern.equals(account) && !account.equals(ANONYMOUS));
    }

    private static boolean matchesResource(String pattern, Access access) {
        String name = access.type().equals("repository") ? access.name() : access.type() + ":" + access.name();
        if (pattern == null || pattern.equals("*")) {
            return true;
        }
        return pattern.endsWith("*") ? name.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(name);
    }
}

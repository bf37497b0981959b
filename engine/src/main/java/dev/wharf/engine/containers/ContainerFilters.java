package dev.wharf.engine.containers;

import dev.wharf.engine.containers.health.HealthStates;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.filters.Filters;
import dev.wharf.image.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code docker ps} selection (moby daemon/list.go): values of one key are alternatives, keys must all
 * hold; {@code label} values must all hold; {@code id} and {@code name} are regular expressions
 * searched in the value; a {@code status} or {@code exited} filter implies {@code all}.
 */
final class ContainerFilters implements Predicate<ContainerRecord> {
    static final Set<String> ACCEPTED = Set.of("ancestor", "before", "exited", "health", "id", "isolation", "label",
            "name", "status", "publish", "expose", "since", "volume", "network", "is-task");
    static final Set<String> STATES = Set.of("created", "restarting", "running", "removing", "paused", "exited",
            "dead");
    /** moby's IsValidHealthString; "none" is a container without a healthcheck. */
    static final Set<String> HEALTH = Set.of(HealthStates.STARTING, HealthStates.HEALTHY, HealthStates.UNHEALTHY,
            "none");

    private final Filters filters;
    private final List<Integer> exitCodes;
    private final Set<Digest> ancestors;
    private final Instant before;
    private final Instant since;

    /**
     * @param images resolves an {@code ancestor} value to an image ID (empty: unknown image, ignored)
     * @param containers resolves a {@code before}/{@code since} value to that container's record
     */
    ContainerFilters(Filters filters, Function<String, Optional<Digest>> images,
            Function<String, ContainerRecord> containers) {
        filters.accept(ACCEPTED);
        for (String status : filters.get("status")) {
            if (!STATES.contains(status)) {
                throw new InvalidArgumentException("invalid filter 'status=" + status + "'");
            }
        }
        for (String health : filters.get("health")) {
            if (!HEALTH.contains(health)) {
                throw new InvalidArgumentException("Unrecognised filter value for health: " + health);
            }
        }
        this.filters = filters;
        this.exitCodes = filters.get("exited").stream().map(ContainerFilters::exitCode).toList();
        this.ancestors = filters.get("ancestor").stream().map(images).flatMap(Optional::stream)
                .collect(java.util.stream.Collectors.toSet());
        this.before = filters.has("before") ? created(containers.apply(filters.get("before").iterator().next())) : null;
        this.since = filters.has("since") ? created(containers.apply(filters.get("since").iterator().next())) : null;
    }

    /** Whether stopped containers are listed even without {@code all}. */
    boolean impliesAll() {
        return filters.has("status") || filters.has("exited") || before != null || since != null;
    }

    @Override
    public boolean test(ContainerRecord record) {
        RunState state = record.state();
        if (filters.has("status") && !filters.get("status").contains(state.status())) {
            return false;
        }
        if (!exitCodes.isEmpty() && (state.running() || state.startedAt() == null
                || !exitCodes.contains(state.exitCode()))) {
            return false;
        }
        if (filters.has("id") && filters.get("id").stream().noneMatch(value -> matches(value, record.id()))) {
            return false;
        }
        if (filters.has("name") && filters.get("name").stream()
                .noneMatch(value -> matches(value, "/" + record.name()) || matches(value, record.name()))) {
            return false;
        }
        if (!labelsMatch(filters.get("label"), record.config().labels())) {
            return false;
        }
        if (filters.has("ancestor") && !ancestors.contains(record.imageId())) {
            return false;
        }
        Instant created = Timestamps.parse(record.created());
        if (before != null && !created.isBefore(before)) {
            return false;
        }
        if (since != null && !created.isAfter(since)) {
            return false;
        }
        if (filters.has("health") && !filters.get("health").contains(
                state.health() == null ? "none" : state.health().status())) {
            return false;
        }
        return true;
    }

    /** moby's MatchKVList: every {@code key} or {@code key=value} must be among the labels. */
    static boolean labelsMatch(java.util.Collection<String> wanted, Map<String, String> labels) {
        Map<String, String> have = labels == null ? Map.of() : labels;
        for (String entry : wanted) {
            int eq = entry.indexOf('=');
            String key = eq < 0 ? entry : entry.substring(0, eq);
            if (!have.containsKey(key) || (eq >= 0 && !have.get(key).equals(entry.substring(eq + 1)))) {
                return false;
            }
        }
        return true;
    }

    /** moby's Args.Match: exact, else the value as a regular expression found anywhere. */
    static boolean matches(String value, String source) {
        if (value.equals(source)) {
            return true;
        }
        try {
            return Pattern.compile(value).matcher(source).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static int exitCode(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid filter 'exited=" + text + "'");
        }
    }

    private static Instant created(ContainerRecord record) {
        return Timestamps.parse(record.created());
    }
}

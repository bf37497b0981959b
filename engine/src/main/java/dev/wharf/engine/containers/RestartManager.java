package dev.wharf.engine.containers;

import dev.wharf.api.types.RestartPolicy;
import dev.wharf.engine.errors.InvalidArgumentException;
import java.time.Duration;
import java.util.Optional;

/**
 * One container's restart policy at work, as Docker's restart manager: after an exit it decides
 * whether to start the container again and after how long (100 ms, doubling up to a minute, back
 * to 100 ms after a run of 10 s or more). A stop, or a kill with the stop signal, cancels it until
 * the next start by a client. Guarded by the container's lock.
 */
final class RestartManager {
    private static final Duration FIRST_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_DELAY = Duration.ofMinutes(1);
    private static final Duration RESET_AFTER = Duration.ofSeconds(10);

    private Duration delay = Duration.ZERO;
    private boolean canceled;
    /** Identifies the pending restart, so that a cancelled one never starts the container. */
    private long pending;

    /**
     * @param restartCount the container's restarts so far (on-failure's limit counts them)
     * @return the delay before the next start, empty when the container stays down
     */
    Optional<Duration> shouldRestart(RestartPolicy policy, int exitCode, boolean manuallyStopped, Duration ran,
            int restartCount) {
        String name = policy == null || policy.name() == null ? "" : policy.name();
        if (name.isEmpty() || name.equals("no") || canceled) {
            return Optional.empty();
        }
        if (ran.compareTo(RESET_AFTER) >= 0) {
            delay = Duration.ZERO;
        }
        delay = delay.isZero() ? FIRST_DELAY : delay.multipliedBy(2);
        if (delay.compareTo(MAX_DELAY) > 0) {
            delay = MAX_DELAY;
        }
        boolean restart = switch (name) {
            case "always" -> true;
            case "unless-stopped" -> !manuallyStopped;
            case "on-failure" -> exitCode != 0
                    && (policy.maximumRetryCount() == 0 || restartCount < policy.maximumRetryCount());
            default -> false;
        };
        return restart ? Optional.of(delay) : Optional.empty();
    }

    /** moby's ValidateRestartPolicy and its AutoRemove check: Docker's 400 messages. */
    static void validate(RestartPolicy policy, boolean autoRemove) {
        String name = policy == null || policy.name() == null ? "" : policy.name();
        int count = policy == null ? 0 : policy.maximumRetryCount();
        switch (name) {
            case "", "no", "always", "unless-stopped" -> {
                if (count != 0) {
                    throw new InvalidArgumentException("invalid restart policy: maximum retry count can only be used"
                            + " with 'on-failure'" + (count < 0 ? " and cannot be negative" : ""));
                }
            }
            case "on-failure" -> {
                if (count < 0) {
                    throw new InvalidArgumentException("invalid restart policy: maximum retry count cannot be negative");
                }
            }
            default -> throw new InvalidArgumentException("invalid restart policy: unknown policy '" + name
                    + "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
        }
        if (autoRemove && !name.isEmpty() && !name.equals("no")) {
            throw new InvalidArgumentException("can't create 'AutoRemove' container with restart policy");
        }
    }

    /** Whether the policy would bring back a container found down at daemon start (a fresh manager). */
    static boolean restartsOnDaemonStart(RestartPolicy policy, RunState state) {
        Duration ran = state.startedAtInstant() == null || state.finishedAtInstant() == null ? Duration.ZERO
                : Duration.between(state.startedAtInstant(), state.finishedAtInstant());
        return state.startedAt() != null
                && new RestartManager().shouldRestart(policy, state.exitCode(), state.manuallyStopped(), ran,
                        state.restartCount()).isPresent();
    }

    /** A restart is scheduled; returns its ticket. */
    long schedule() {
        return ++pending;
    }

    /** Whether {@code ticket} is still the restart to perform. */
    boolean isPending(long ticket) {
        return !canceled && pending == ticket;
    }

    /** Docker's ExitOnNext: no restart until a client starts the container again. */
    void cancel() {
        canceled = true;
        pending++;
    }

    /** A client started the container: the policy applies again, with the shortest delay. */
    void reset() {
        canceled = false;
        delay = Duration.ZERO;
    }
}

package dev.wharf.engine.containers;

import dev.wharf.api.format.HumanDuration;
import java.time.Duration;
import java.time.Instant;

/** The human {@code Status} column of {@code docker ps} (moby's State.String and go-units' HumanDuration). */
final class StatusText {
    private StatusText() {}

    static String of(RunState state, Instant now) {
        if (state.running()) {
            String up = "Up " + HumanDuration.of(Duration.between(state.startedAtInstant(), now));
            if (state.paused()) {
                return up + " (Paused)";
            }
            if (state.health() != null) {
                String health = state.health().status();
                return up + " (" + (health.equals("starting") ? "health: starting" : health) + ")";
            }
            return up;
        }
        if (state.restarting()) {
            return "Restarting (" + state.exitCode() + ") "
                    + HumanDuration.of(Duration.between(state.finishedAtInstant(), now)) + " ago";
        }
        if (state.removing()) {
            return "Removal In Progress";
        }
        if (state.dead()) {
            return "Dead";
        }
        if (state.startedAtInstant() == null) {
            return "Created";
        }
        if (state.finishedAtInstant() == null) {
            return "";
        }
        return "Exited (" + state.exitCode() + ") " + HumanDuration.of(Duration.between(state.finishedAtInstant(), now))
                + " ago";
    }
}

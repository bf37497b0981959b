package dev.wharf.engine.containers;

import java.time.Duration;
import java.time.Instant;

/** The human {@code Status} column of {@code docker ps} (moby's State.String and go-units' HumanDuration). */
final class StatusText {
    private StatusText() {}

    static String of(RunState state, Instant now) {
        if (state.running()) {
            return "Up " + humanDuration(Duration.between(state.startedAtInstant(), now));
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
        return "Exited (" + state.exitCode() + ") " + humanDuration(Duration.between(state.finishedAtInstant(), now))
                + " ago";
    }

    static String humanDuration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = d.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(d.toMillis() / 3_600_000.0);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return d.toHours() / 24 / 365 + " years";
    }
}

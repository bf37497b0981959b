package dev.wharf.api.client;

/** Query options of {@code GET /containers/{id}/logs}; {@code tail} is "all" or a line count. */
public record LogsOptions(boolean stdout, boolean stderr, boolean follow, boolean timestamps, String tail,
                                                    String since, String until) {

    public static LogsOptions defaults() {
        return new LogsOptions(true, true, false, false, "all", null, null);
    }

    public LogsOptions withFollow(boolean value) {
        return new LogsOptions(stdout, stderr, value, timestamps, tail, since, until);
    }

    public LogsOptions withTimestamps(boolean value) {
        return new LogsOptions(stdout, stderr, follow, value, tail, since, until);
    }

    public LogsOptions withTail(String value) {
        return new LogsOptions(stdout, stderr, follow, timestamps, value, since, until);
    }
}

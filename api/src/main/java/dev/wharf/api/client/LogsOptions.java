package dev.wharf.api.client;

/**
 * Query options of {@code GET /containers/{id}/logs}; {@code tail} is "all" or a line count, {@code since}
 * and {@code until} unix seconds (see {@code GoTimestamps}).
 */
public record LogsOptions(boolean stdout, boolean stderr, boolean follow, boolean timestamps, boolean details,
        String tail, String since, String until) {}

package dev.wharf.api.client;

/** Query options of {@code GET /containers/{id}/logs}; {@code tail} is "all" or a line count. */
public record LogsOptions(boolean stdout, boolean stderr, boolean follow, boolean timestamps, String tail,
        String since, String until) {}

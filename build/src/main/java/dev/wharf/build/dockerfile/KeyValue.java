package dev.wharf.build.dockerfile;

/** One {@code key=value} of ENV, LABEL or ARG, still as written (quotes and variables unprocessed); value null for a bare ARG. */
public record KeyValue(String key, String value) {}

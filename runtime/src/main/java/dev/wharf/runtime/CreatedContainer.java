package dev.wharf.runtime;

/** A container in state created: its init process exists (pid) and waits for {@code start}. */
public record CreatedContainer(String id, int pid) {}

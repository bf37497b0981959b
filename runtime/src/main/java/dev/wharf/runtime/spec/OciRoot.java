package dev.wharf.runtime.spec;

public record OciRoot(String path, boolean readonly) {}

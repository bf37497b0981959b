package dev.wharf.build.context;

import java.nio.file.Path;

/** A file or directory a COPY/ADD takes: where it is on disk and its name relative to where it came from. */
public record ContextSource(Path path, String name) {}

package dev.wharf.build.exec;

import dev.wharf.build.image.RunConfig;

/** What a metadata-only instruction does: the new config and the comment of its {@code #(nop)} history entry. */
record ConfigChange(RunConfig config, String comment) {}

package dev.wharf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * bin/wharf builds each command's AOT cache from a recording of its first run, passing the
 * recording's path as {@code wharf.aot.recording}. A run that failed (daemon down, bad arguments)
 * loaded too few classes to be worth caching, so it leaves a {@code .failed} marker beside the
 * recording, and the launcher records again on a later run.
 */
final class AotRecording {

    private AotRecording() {}

    static void markFailed() {
        String recording = System.getProperty("wharf.aot.recording");
        if (recording == null) {
            return;
        }
        try {
            Files.writeString(Path.of(recording + ".failed"), "");
        } catch (IOException | RuntimeException ignored) {
            // at worst the launcher caches a thin recording; the command's result is unaffected
        }
    }
}

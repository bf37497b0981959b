package dev.wharf.runtime.conmon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.OptionalInt;

/** Reads the exit code conmon records (decimal, no newline; 128+n for a signal, -1 after its timeout). */
final class ExitFiles {
    private ExitFiles() {}

    static OptionalInt read(ContainerFiles files) {
        if (!Files.exists(files.exitFile())) {
            return OptionalInt.empty(); // the common answer, checked without the cost of an exception
        }
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(files.exitFile()).strip()));
        } catch (NoSuchFileException e) {
            return OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            // conmon renames a complete file into place, so this is a file we cannot read at all
            return OptionalInt.empty();
        }
    }
}

package dev.wharf.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Parses /etc/passwd and /etc/group lines leniently, as libcontainer's user package does. */
final class AccountFiles {
    record Passwd(String name, int uid, int gid) {}

    record Group(String name, int gid, List<String> members) {}

    private AccountFiles() {}

    /** The entries, or empty when the file does not exist (then nothing can be looked up by name). */
    static Optional<List<Passwd>> passwd(Path file) throws IOException {
        return lines(file).map(lines -> lines.stream().map(AccountFiles::passwdLine).toList());
    }

    static Optional<List<Group>> group(Path file) throws IOException {
        return lines(file).map(lines -> lines.stream().map(AccountFiles::groupLine).toList());
    }

    private static Optional<List<String[]>> lines(Path file) throws IOException {
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split(":", -1))
                .toList());
    }

    private static Passwd passwdLine(String[] fields) {
        return new Passwd(field(fields, 0), number(field(fields, 2)), number(field(fields, 3)));
    }

    private static Group groupLine(String[] fields) {
        String members = field(fields, 3);
        List<String> names = members.isEmpty() ? List.of() : List.of(members.split(","));
        return new Group(field(fields, 0), number(field(fields, 2)), names);
    }

    private static String field(String[] fields, int index) {
        return index < fields.length ? fields[index] : "";
    }

    /** libcontainer ignores malformed numbers (they read as 0); so do we. */
    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

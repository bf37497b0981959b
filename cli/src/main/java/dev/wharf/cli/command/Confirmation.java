package dev.wharf.cli.command;

import dev.wharf.cli.CliStreams;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** docker's prune prompt: the warning, {@code Are you sure you want to continue? [y/N] }, and a line that starts with y. */
public final class Confirmation {
    private Confirmation() {}

    public static boolean ask(CliStreams streams, String warning) throws IOException {
        streams.out().print(warning + "\nAre you sure you want to continue? [y/N] ");
        streams.out().flush();
        String answer = new BufferedReader(new InputStreamReader(streams.in(), StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }
}

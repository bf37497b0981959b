package dev.wharf.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The process's standard streams and environment, injectable for tests. The print streams are
 * UTF-8 whatever the locale (docker prints "…"); {@code rawOut}/{@code rawErr} take container bytes.
 */
public record CliStreams(InputStream in, OutputStream rawOut, OutputStream rawErr, PrintStream out, PrintStream err,
                                                  Map<String, String> env) {

    public static CliStreams system() {
        var rawOut = new FileOutputStream(FileDescriptor.out);
        var rawErr = new FileOutputStream(FileDescriptor.err);
        return new CliStreams(new FileInputStream(FileDescriptor.in), rawOut, rawErr,
                new PrintStream(rawOut, false, StandardCharsets.UTF_8), new PrintStream(rawErr, true, StandardCharsets.UTF_8),
                System.getenv());
    }

    public static CliStreams of(InputStream in, OutputStream out, OutputStream err, Map<String, String> env) {
        return new CliStreams(in, out, err, new PrintStream(out, false, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }
}

package dev.wharf.cli.build;

import java.io.PrintStream;

/**
 * Prints the build's stream. Classic: exactly as the daemon sends it (what {@code docker build} prints).
 * Compact (stdout is a terminal): one line per step, "CACHED" for cache hits, the bookkeeping lines of
 * the classic output left out, a RUN's output shown as it comes.
 */
public final class BuildProgress {
    private final PrintStream out;
    private final boolean compact;
    private boolean headerOpen;

    public BuildProgress(PrintStream out, boolean compact) {
        this.out = out;
        this.compact = compact;
    }

    public void stream(String text) {
        if (!compact) {
            out.print(text);
            out.flush();
            return;
        }
        if (text.startsWith("Step ")) {
            int colon = text.indexOf(" : ");
            out.print("=> [" + text.substring(5, colon) + "] " + text.substring(colon + 3));
            headerOpen = true;
        } else if (text.equals("\n") && headerOpen) {
            headerOpen = false;
            out.println();
        } else if (text.equals(" ---> Using cache\n")) {
            out.println("   CACHED");
        } else if (text.startsWith(" ---> Running in ") || text.startsWith("Removing intermediate container ")
                || text.startsWith(" ---> ")) {
            return;
        } else {
            out.print(text.startsWith("Successfully ") || text.startsWith("[Warning]") ? text : indent(text));
        }
        out.flush();
    }

    private static String indent(String text) {
        return text.replaceAll("(?m)^(?=.)", "   ");
    }
}

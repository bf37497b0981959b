package dev.wharf.cli.progress;

import dev.wharf.api.format.ProgressBar;
import dev.wharf.api.types.ProgressDetail;
import dev.wharf.api.types.ProgressMessage;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Draws a JSON progress stream as the docker CLI's {@code DisplayJSONMessagesStream} does: on a
 * terminal each layer keeps one line, redrawn in place (cursor up, clear, rewrite, cursor down) with its
 * bar; otherwise only the lines without a byte count are printed, one after another.
 */
public final class ProgressDisplay implements Consumer<ProgressMessage> {
    private final PrintStream out;
    private final boolean terminal;
    private Map<String, Integer> lines = new HashMap<>();

    public ProgressDisplay(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Whether stdout is a terminal that can be redrawn. */
    public static boolean stdoutIsTerminal() {
        var console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public void accept(ProgressMessage message) {
        if (message.aux() != null && message.status() == null) {
            return;
        }
        int up = 0;
        if (message.id() != null && message.progressDetail() != null) {
            Integer line = lines.get(message.id());
            if (line == null) {
                line = lines.size();
                lines.put(message.id(), line);
                if (terminal) {
                    out.print("\n");
                }
            }
            up = lines.size() - line;
            if (terminal) {
                out.print("\033[" + up + "A");
            }
        } else {
            lines = new HashMap<>(); // lines of other operations (another tag) are not redrawn
        }
        display(message);
        if (message.id() != null && terminal && up > 0) {
            out.print("\033[" + up + "B");
        }
        out.flush();
    }

    private void display(ProgressMessage message) {
        String bar = bar(message.progressDetail());
        boolean hasProgress = message.progressDetail() != null;
        if (terminal && message.stream() == null && hasProgress) {
            out.print("\033[2K\r");
        } else if (!bar.isEmpty()) {
            return; // byte counts are for terminals only
        }
        StringBuilder line = new StringBuilder();
        if (message.id() != null) {
            line.append(message.id()).append(": ");
        }
        if (message.stream() != null) {
            line.append(message.stream());
            out.print(line);
            return;
        }
        line.append(message.status() == null ? "" : message.status());
        if (terminal && hasProgress) {
            out.print(line.append(bar.isEmpty() ? "" : " " + bar).append('\r'));
        } else {
            out.println(line);
        }
    }

    private static String bar(ProgressDetail detail) {
        if (detail == null || detail.current() == null) {
            return "";
        }
        return ProgressBar.format(detail.current(), detail.total() == null ? 0 : detail.total());
    }
}

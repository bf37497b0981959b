package dev.wharf.cli.format;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligns columns like Go's {@code tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)}, the docker CLI's
 * table writer: each column is max(10, widest cell + 3) wide; the last column is not padded.
 */
public final class TableWriter {

    private static final int MIN_WIDTH = 10;
    private static final int PADDING = 3;

    private final List<List<String>> rows = new ArrayList<>();
    private final int minWidth;

    public TableWriter() {
        this(MIN_WIDTH);
    }

    /** @param minWidth tabwriter's minwidth: docker top uses 20 */
    public TableWriter(int minWidth) {
        this.minWidth = minWidth;
    }

    public TableWriter row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    public void print(PrintStream out) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (var row : rows) {
            for (int c = 0; c < row.size() - 1; c++) {
                widths[c] = Math.max(widths[c], Math.max(minWidth, width(row.get(c)) + PADDING));
            }
        }
        var line = new StringBuilder();
        for (var row : rows) {
            line.setLength(0);
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                line.append(cell);
                if (c < row.size() - 1) {
                    line.repeat(' ', widths[c] - width(cell));
                }
            }
            out.println(line);
        }
    }

    /** Width in code points, as tabwriter counts runes. */
    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}

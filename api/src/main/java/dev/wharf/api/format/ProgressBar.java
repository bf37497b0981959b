package dev.wharf.api.format;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The text of a progress line as Docker's {@code jsonmessage.JSONProgress.String()} draws it:
 * {@code [=====>      ]  19.97kB/1.984MB}. The daemon sends it in {@code progress}; the CLI redraws it
 * from {@code progressDetail} on a terminal.
 */
public final class ProgressBar {
    private static final int BAR_WIDTH = 50;
    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    private ProgressBar() {}

    /** The bar and counts; an empty string when there is nothing to show. {@code total <= 0}: counts only. */
    public static String format(long current, long total) {
        if (current <= 0 && total <= 0) {
            return "";
        }
        if (total <= 0) {
            return String.format("%8s", humanSize(current));
        }
        int filled = (int) Math.min(BAR_WIDTH, (int) ((double) current / total * 100) / 2);
        String bar = "[" + "=".repeat(filled) + ">" + " ".repeat(BAR_WIDTH - filled) + "] ";
        String numbers = current > total ? String.format("%8s", humanSize(current))
                : String.format("%8s/%s", humanSize(current), humanSize(total));
        return bar + numbers;
    }

    /** go-units HumanSize: decimal units, four significant digits ({@code 1.984MB}, {@code 177B}). */
    public static String humanSize(double bytes) {
        int unit = 0;
        double size = bytes;
        while (size >= 1000 && unit < DECIMAL.length - 1) {
            size /= 1000;
            unit++;
        }
        if (size == 0) {
            return "0" + DECIMAL[unit];
        }
        return new BigDecimal(size).round(new MathContext(4)).stripTrailingZeros().toPlainString() + DECIMAL[unit];
    }
}

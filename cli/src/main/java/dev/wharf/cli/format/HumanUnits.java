package dev.wharf.cli.format;

import java.math.BigDecimal;
import java.math.MathContext;
import dev.wharf.api.format.HumanDuration;
import java.time.Duration;

/** The go-units formatting the docker CLI uses for ages and sizes. */
public final class HumanUnits {

    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};

    private HumanUnits() {}

    /** "N seconds ago" for a unix timestamp, as docker ps / images print CREATED. */
    public static String ago(long unixSeconds, long nowMillis) {
        return HumanDuration.of(Duration.ofMillis(Math.max(0, nowMillis - unixSeconds * 1000))) + " ago";
    }

    /** go-units HumanSizeWithPrecision(size, 3): decimal units, "%.3g", e.g. "1.98MB". */
    public static String size(double bytes) {
        return scaled(bytes, 1000.0, DECIMAL, 3);
    }

    /** go-units BytesSize: binary units, "%.4g", e.g. "23.54GiB". */
    public static String bytesSize(double bytes) {
        return scaled(bytes, 1024.0, BINARY, 4);
    }

    private static String scaled(double size, double base, String[] units, int precision) {
        int unit = 0;
        while (size >= base && unit < units.length - 1) {
            size /= base;
            unit++;
        }
        return formatG(size, precision) + units[unit];
    }

    /** Go's %.Ng: N significant digits, no trailing zeros, exponent form once it needs more digits. */
    static String formatG(double value, int precision) {
        if (value == 0) {
            return "0";
        }
        var rounded = new BigDecimal(value).round(new MathContext(precision));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            var mantissa = rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString();
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}

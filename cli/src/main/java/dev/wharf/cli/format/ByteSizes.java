package dev.wharf.cli.format;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** go-units' RAMInBytes, the docker CLI's reading of memory flags: {@code 512m}, {@code 1.5g}, {@code 1024}, binary units. */
public final class ByteSizes {
    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

    private ByteSizes() {}

    public static long ramInBytes(String text) {
        Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid size: '" + text + "'");
        }
        int power = matcher.group(2) == null ? 0 : "kmgtp".indexOf(matcher.group(2).toLowerCase(Locale.ROOT)) + 1;
        return new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(1024).pow(power)).longValue();
    }
}

package dev.wharf.cli.options;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** docker's memory sizes (go-units RAMInBytes): {@code 512m}, {@code 1.5g}, {@code 100k}, {@code 1024}; binary units. */
public final class ByteSizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(b|ib)?$");

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    static long parse(String value) {
        Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("invalid size: '" + value + "'");
        }
        int power = "kmgtp".indexOf(m.group(2).isEmpty() ? ' ' : m.group(2).charAt(0)) + 1;
        return (long) (Double.parseDouble(m.group(1)) * Math.pow(1024, power));
    }

    /** {@code --memory-swap}: a size, or -1 for unlimited swap. */
    public static final class OrUnlimited implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return value.strip().equals("-1") ? -1L : parse(value);
        }
    }
}

package dev.wharf.cli.options;

import dev.wharf.api.types.Ulimit;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --ulimit name=soft[:hard]}, as go-units ParseUlimit. */
public final class UlimitConverter implements ITypeConverter<Ulimit> {
    @Override
    public Ulimit convert(String value) {
        int eq = value.indexOf('=');
        if (eq < 0) {
            throw new TypeConversionException("invalid ulimit argument: " + value);
        }
        String name = value.substring(0, eq);
        String[] limits = value.substring(eq + 1).split(":", -1);
        if (limits.length > 2) {
            throw new TypeConversionException("too many limit value arguments - " + value.substring(eq + 1)
                    + ", can only have up to two, `soft[:hard]`");
        }
        long soft = number(limits[0]);
        long hard = limits.length == 2 ? number(limits[1]) : soft;
        if (soft > hard) {
            throw new TypeConversionException("ulimit soft limit must be less than or equal to hard limit: "
                    + soft + " > " + hard);
        }
        return new Ulimit(name, soft, hard);
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("strconv.ParseInt: parsing \"" + text + "\": invalid syntax");
        }
    }
}

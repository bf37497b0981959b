package dev.wharf.cli.options;

import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --cpus 1.5} → NanoCpus 1500000000, as docker's NanoCPUs flag. */
public final class NanoCpusConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return new BigDecimal(value.strip()).movePointRight(9).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("failed to parse " + value + " as a rational number");
        }
    }
}

package dev.wharf.cli.options;

import dev.wharf.cli.format.ByteSizes;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** docker's memory size flags ({@code 512m}, {@code 1.5g}, {@code 1024}), parsed by {@link ByteSizes}. */
public final class ByteSizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return parse(value);
    }

    static long parse(String value) {
        try {
            return ByteSizes.ramInBytes(value.strip());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** {@code --memory-swap}: a size, or -1 for unlimited swap. */
    public static final class OrUnlimited implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return value.strip().equals("-1") ? -1L : parse(value);
        }
    }
}

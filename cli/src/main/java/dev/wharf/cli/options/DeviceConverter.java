package dev.wharf.cli.options;

import dev.wharf.api.types.DeviceMapping;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --device HOST[:CONTAINER][:PERMISSIONS]}, as the docker CLI's parseDevice. */
public final class DeviceConverter implements ITypeConverter<DeviceMapping> {
    @Override
    public DeviceMapping convert(String value) {
        String[] parts = value.split(":", -1);
        String host = parts[0];
        String inside = host;
        String permissions = "rwm";
        switch (parts.length) {
            case 1 -> { }
            case 2 -> {
                if (isPermissions(parts[1])) {
                    permissions = parts[1];
                } else {
                    inside = parts[1];
                }
            }
            case 3 -> {
                if (!isPermissions(parts[2])) {
                    throw new TypeConversionException("bad mode specified: " + parts[2]);
                }
                inside = parts[1];
                permissions = parts[2];
            }
            default -> throw new TypeConversionException("invalid device specification: " + value);
        }
        if (!inside.startsWith("/")) {
            throw new TypeConversionException(inside + " is not an absolute path");
        }
        return new DeviceMapping(host, inside, permissions);
    }

    private static boolean isPermissions(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c == 'r' || c == 'w' || c == 'm');
    }
}

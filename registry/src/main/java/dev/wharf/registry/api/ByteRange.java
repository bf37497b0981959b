package dev.wharf.registry.api;

import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One satisfiable byte range of a {@code Range: bytes=first-last} header (also {@code first-} and {@code -suffix}). */
record ByteRange(long first, long last) {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    long length() {
        return last - first + 1;
    }

    static ByteRange parse(String header, long size) {
        Matcher m = RANGE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            throw unsatisfiable(header);
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw unsatisfiable(header);
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size || last < first) {
                throw unsatisfiable(header);
            }
            return new ByteRange(first, last);
        } catch (NumberFormatException e) {
            throw unsatisfiable(header);
        }
    }

    private static RegistryException unsatisfiable(String header) {
        return new RegistryException(ErrorCode.RANGE_INVALID, "range not satisfiable: " + header);
    }
}

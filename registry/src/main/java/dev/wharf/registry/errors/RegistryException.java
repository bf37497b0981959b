package dev.wharf.registry.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the registry refuses: the spec's error code, a message for humans, an optional detail, and
 * headers the reply must carry (the challenge of a 401, the current range of a 416). An answer, not a bug:
 * no stack trace is taken (a HEAD of every missing blob throws one).
 */
public final class RegistryException extends RuntimeException {
    private final ErrorCode code;
    private final transient Object detail;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public RegistryException(ErrorCode code, String message, Object detail) {
        super(message == null ? code.defaultMessage() : message, null, false, false);
        this.code = code;
        this.detail = detail;
    }

    public RegistryException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public RegistryException(ErrorCode code) {
        this(code, null, null);
    }

    public RegistryException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ErrorCode code() {
        return code;
    }

    public Object detail() {
        return detail;
    }

    public Map<String, String> headers() {
        return headers;
    }
}

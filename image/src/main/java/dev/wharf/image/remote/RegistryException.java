package dev.wharf.image.remote;

import dev.wharf.image.ImageException;

/**
 * A registry refused or failed a request. {@code code} is the Distribution error code
 * ({@code MANIFEST_UNKNOWN}, {@code UNAUTHORIZED}, …) when the registry sent one; the message is
 * formatted as Docker's errcode does ({@code manifest unknown: manifest unknown}).
 */
public final class RegistryException extends ImageException {
    private final int status;
    private final String code;

    public RegistryException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.code = null;
    }

    /** The HTTP status, 0 when the registry could not be reached. */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean isUnauthorized() {
        return status == 401 || "UNAUTHORIZED".equals(code);
    }

    /** The repository or manifest does not exist, or the credentials may not see it. */
    public boolean isNotFound() {
        return status == 404 || "MANIFEST_UNKNOWN".equals(code) || "NAME_UNKNOWN".equals(code) || "DENIED".equals(code);
    }
}

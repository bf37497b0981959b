package dev.wharf.network.cni;

import dev.wharf.network.NetworkException;

/** A CNI plugin answered with an error object ({@code code}, {@code msg}, {@code details}) or died. */
public final class CniException extends NetworkException {
    private final int code;

    public CniException(String plugin, CniCommand command, int code, String message) {
        super("plugin type=\"" + plugin + "\" failed (" + command.name().toLowerCase(java.util.Locale.ROOT) + "): " + message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}

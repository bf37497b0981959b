package dev.wharf.cli.format;

/** Docker's short IDs: 12 hex digits, without the "sha256:" prefix. */
public final class Ids {

    private Ids() {}

    public static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}

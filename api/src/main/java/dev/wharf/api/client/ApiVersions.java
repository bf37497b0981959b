package dev.wharf.api.client;

/** Compares Engine API versions ("1.41") numerically, since "1.9" &lt; "1.41". */
final class ApiVersions {

    private ApiVersions() {}

    /** The lower of what the daemon announces and what this client speaks. */
    static String negotiate(String announced, String max) {
        return compare(announced, max) <= 0 ? announced : max;
    }

    static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int l = i < left.length ? parse(left[i]) : 0;
            int r = i < right.length ? parse(right[i]) : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        return 0;
    }

    private static int parse(String part) {
        try {
            return Integer.parseInt(part.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

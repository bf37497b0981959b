package dev.wharf.engine.http;

/** An Engine API version such as 1.44; compares numerically. */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
    public static final ApiVersion MIN = new ApiVersion(1, 24);
    public static final ApiVersion MAX = new ApiVersion(1, 44);

    public static ApiVersion parse(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("invalid API version " + text);
        }
        return new ApiVersion(Integer.parseInt(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
    }

    public boolean atLeast(int major, int minor) {
        return compareTo(new ApiVersion(major, minor)) >= 0;
    }

    @Override
    public int compareTo(ApiVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}

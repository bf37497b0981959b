package dev.wharf.engine;

/**
 * What the daemon reports about itself. The Engine version is Docker-shaped (the Docker release that
 * introduced API 1.44, tagged with ours) because clients compare it numerically: Testcontainers wants
 * at least 1.6.0 and would refuse a plain "0.1.0".
 */
public final class WharfVersion {
    public static final String WHARF = "0.1.0";
    public static final String ENGINE = "25.0.0-wharf." + WHARF;
    public static final String PLATFORM = "Wharf Engine " + WHARF;
    public static final String GIT_COMMIT = "unknown";

    private WharfVersion() {}
}

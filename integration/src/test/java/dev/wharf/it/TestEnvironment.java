package dev.wharf.it;

import java.nio.file.Path;

/** Where the checkout is: surefire runs in the integration module's directory. */
final class TestEnvironment {
    private TestEnvironment() {}

    static Path checkout() {
        return Path.of("").toAbsolutePath().getParent();
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}

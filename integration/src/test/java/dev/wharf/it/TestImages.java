package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small image chores the distribution tests share: an imported shell image, its ID, a push's digest. */
final class TestImages {
    private static final Pattern PUSHED_DIGEST = Pattern.compile(": digest: (sha256:[0-9a-f]{64}) size: ");

    private TestImages() {}

    /** Imports a busybox shell rootfs under the name. */
    static void importShell(Cli wharf, String name) throws Exception {
        CommandResult result = wharf.runWithInput(Tarballs.shellRootfs(), "import", "-", name);
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    static String id(Cli wharf, String image) {
        CommandResult result = wharf.run("inspect", "--format", "{{.Id}}", image);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.stdout().strip();
    }

    /** The digest in a push's "tag: digest: sha256:… size: N" line. */
    static String pushedDigest(String output) {
        Matcher m = PUSHED_DIGEST.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }
}

package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code system df [-v]} through both CLIs: volumes with their size on disk (a hard-linked file counted
 * once, as Docker's directory walk does) and the number of containers that reference them; our CLI
 * prints what the docker CLI prints from the same reply.
 */
class DiskUsageTest extends EndToEndTest {

    @Test
    void volumesShowTheirSizeAndReferences() {
        dockerOk("volume", "create", "df-used");
        wharfOk("volume", "create", "df-idle");
        dockerOk("run", "--name", "df-writer", "-v", "df-used:/data", "busybox", "sh", "-c",
                "head -c 1500 /dev/zero > /data/blob && ln /data/blob /data/again && echo 12345 > /data/small");
        try {
            String dockerSummary = dockerOk("system", "df");
            assertThat(line(dockerSummary, "Local Volumes")).isEqualTo("Local Volumes   2         1         1.506kB   0B (0%)");
            assertThat(wharfOk("system", "df")).isEqualTo(dockerSummary);

            String dockerVerbose = dockerOk("system", "df", "-v");
            String volumes = section(dockerVerbose, "Local Volumes space usage:", "Build cache usage");
            assertThat(volumes).contains("df-used       1         1.506kB").contains("df-idle       0         0B");
            String wharfVerbose = wharfOk("system", "df", "-v");
            assertThat(section(wharfVerbose, "Local Volumes space usage:", "Build cache usage")).isEqualTo(volumes);
            assertThat(wharfVerbose.substring(wharfVerbose.indexOf("Build cache usage")))
                    .isEqualTo(dockerVerbose.substring(dockerVerbose.indexOf("Build cache usage")));
            assertThat(section(wharfVerbose, "Containers space usage:", "Local Volumes"))
                    .contains("df-writer").contains("Exited (0)");
            assertThat(wharfVerbose).startsWith("Images space usage:\n\nREPOSITORY   TAG       IMAGE ID")
                    .contains("busybox      latest");
        } finally {
            wharfOk("rm", "df-writer");
        }
        assertThat(line(dockerOk("system", "df"), "Local Volumes")).isEqualTo("Local Volumes   2         0         1.506kB   1.506kB (100%)");
        dockerOk("volume", "rm", "df-used", "df-idle");
        assertThat(line(wharfOk("system", "df"), "Local Volumes")).isEqualTo("Local Volumes   0         0         0B        0B");
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().stripTrailing();
    }

    private static String section(String output, String from, String to) {
        int start = output.indexOf(from);
        assertThat(start).as(output).isNotNegative();
        return output.substring(start, output.indexOf(to, start));
    }
}

package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * wharfd with {@code --registry-mirror}: a docker-registry on loopback stands in for Docker Hub's mirror,
 * so Hub names ({@code mirrored:1}, {@code docker.io/library/mirrored}) are pulled from it, by both CLIs,
 * as an implicit pull of {@code run} and with {@code --all-tags}; {@code docker info} lists it.
 */
@EnabledIf("dev.wharf.it.LoopbackRegistry#isCncfInstalled")
class RegistryMirrorTest extends EndToEndTest {
    private LoopbackRegistry mirror;

    @BeforeAll
    void startTheMirrorAndTheDaemonWithIt() throws Exception {
        mirror = LoopbackRegistry.cncf(root.resolve("mirror"), null, null);
        TestImages.importShell(wharf, "mirror-source:1");
        for (String tag : new String[] {"1", "2"}) {
            String inMirror = mirror.address() + "/library/mirrored:" + tag;
            wharfOk("tag", "mirror-source:1", inMirror);
            wharfOk("push", inMirror);
            wharfOk("rmi", inMirror);
        }
        wharfOk("rmi", "mirror-source:1"); // so the layer is downloaded again, from the mirror
        daemon.stop();
        daemon.addFlags("--registry-mirror", "http://" + mirror.address());
        daemon.start();
    }

    @AfterAll
    void stopTheMirror() throws Exception {
        if (mirror != null) {
            mirror.close();
        }
    }

    @Test
    void dockerHubNamesArePulledFromTheMirror() {
        for (String client : new String[] {"wharf", "docker"}) {
            String pulled = ok(client, "pull", "mirrored:1");
            assertThat(pulled).contains("Pull complete", "docker.io/library/mirrored:1");
            assertThat(dockerOk("image", "inspect", "-f", "{{.RepoTags}} {{.RepoDigests}}", "mirrored:1"))
                    .startsWith("[mirrored:1] [mirrored@sha256:");
            assertThat(ok(client, "pull", "docker.io/library/mirrored:1")).contains("Image is up to date");
            ok(client, "rmi", "mirrored:1");
        }
    }

    @Test
    void runPullsFromTheMirrorAndAllTagsAreListedThere() {
        assertThat(dockerOk("run", "--rm", "mirrored:2", "echo", "from the mirror")).isEqualTo("from the mirror\n");
        assertThat(wharfOk("pull", "-a", "mirrored")).contains("docker.io/library/mirrored");
        assertThat(wharfOk("images", "--format", "{{.Repository}}:{{.Tag}}", "mirrored"))
                .contains("mirrored:1", "mirrored:2");
        wharfOk("rmi", "mirrored:1", "mirrored:2");
    }

    @Test
    void infoListsTheMirror() {
        assertThat(dockerOk("info")).contains("Registry Mirrors:\n  http://" + mirror.address() + "/\n");
        assertThat(dockerOk("info", "-f", "{{json .RegistryConfig.IndexConfigs}}"))
                .contains("http://" + mirror.address() + "/");
    }
}

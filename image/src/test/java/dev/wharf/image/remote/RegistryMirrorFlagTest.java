package dev.wharf.image.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code --registry-mirror} as dockerd validates it, and where Hub pulls go with one. */
class RegistryMirrorFlagTest {
    @Test
    void aMirrorGetsItsTrailingSlashAndKeepsItsPath() {
        assertThat(RegistryHosts.mirror("http://127.0.0.1:5000")).isEqualTo(URI.create("http://127.0.0.1:5000/"));
        assertThat(RegistryHosts.mirror("https://mirror.example/hub//"))
                .isEqualTo(URI.create("https://mirror.example/hub/"));
        assertThat(RegistryClient.api(URI.create("https://mirror.example/hub/"), "library/busybox/tags/list"))
                .isEqualTo(URI.create("https://mirror.example/hub/v2/library/busybox/tags/list"));
        assertThat(RegistryClient.api(URI.create("https://registry-1.docker.io"), ""))
                .isEqualTo(URI.create("https://registry-1.docker.io/v2/"));
    }

    @Test
    void badMirrorsAreRefusedWithDockersWords() {
        assertThatThrownBy(() -> RegistryHosts.mirror("localhost:5000"))
                .hasMessage("invalid mirror: unsupported scheme \"localhost\" in \"localhost:5000\"");
        assertThatThrownBy(() -> RegistryHosts.mirror("ftp://mirror.example"))
                .hasMessageStartingWith("invalid mirror: unsupported scheme \"ftp\"");
        assertThatThrownBy(() -> RegistryHosts.mirror("https://mirror.example/?x=1"))
                .hasMessageStartingWith("invalid mirror: query or fragment at end of the URI");
        assertThatThrownBy(() -> RegistryHosts.mirror("https://me:secret@mirror.example"))
                .hasMessage("invalid mirror: username/password not allowed in URI \"https://me:xxxxx@mirror.example\"");
    }

    @Test
    void onlyDockerHubPullsGoToTheMirrorsFirst() {
        URI mirror = RegistryHosts.mirror("http://127.0.0.1:5000");
        RegistryHosts hosts = new RegistryHosts(Set.of(), List.of(mirror));
        assertThat(hosts.pullBases("docker.io")).containsExactly(mirror, URI.create("https://registry-1.docker.io"));
        assertThat(hosts.pullBases("quay.io")).containsExactly(URI.create("https://quay.io"));
    }
}

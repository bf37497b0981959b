package dev.wharf.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
    private static final String HEX = "a".repeat(64);

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // input,                         full string,                                familiar name,        familiar string
            "busybox,                         docker.io/library/busybox:latest,           busybox,              busybox:latest",
            "busybox:1.36,                    docker.io/library/busybox:1.36,             busybox,              busybox:1.36",
            "library/busybox,                 docker.io/library/busybox:latest,           busybox,              busybox:latest",
            "docker.io/busybox,               docker.io/library/busybox:latest,           busybox,              busybox:latest",
            "index.docker.io/library/busybox, docker.io/library/busybox:latest,           busybox,              busybox:latest",
            "user/app,                        docker.io/user/app:latest,                  user/app,             user/app:latest",
            "docker.io/user/app:v1,           docker.io/user/app:v1,                      user/app,             user/app:v1",
            "docker.io/library/a/b,           docker.io/library/a/b:latest,               library/a/b,          library/a/b:latest",
            "localhost/app,                   localhost/app:latest,                       localhost/app,        localhost/app:latest",
            "localhost:5000/a/b,              localhost:5000/a/b:latest,                  localhost:5000/a/b,   localhost:5000/a/b:latest",
            "quay.io/coreos/etcd:v3.5.0,      quay.io/coreos/etcd:v3.5.0,                 quay.io/coreos/etcd,  quay.io/coreos/etcd:v3.5.0",
            "my-registry.example.com:443/x_y/z-w.q__r, my-registry.example.com:443/x_y/z-w.q__r:latest, my-registry.example.com:443/x_y/z-w.q__r, my-registry.example.com:443/x_y/z-w.q__r:latest",
            "[::1]:5000/app,                  [::1]:5000/app:latest,                      [::1]:5000/app,       [::1]:5000/app:latest",
            "Foo/bar,                         Foo/bar:latest,                             Foo/bar,              Foo/bar:latest",
    })
    void normalises(String input, String full, String familiarName, String familiarString) {
        ImageReference ref = ImageReference.parse(input);

        assertThat(ref.toString()).isEqualTo(full);
        assertThat(ref.familiarName()).isEqualTo(familiarName);
        assertThat(ref.familiarString()).isEqualTo(familiarString);
        assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref);
    }

    @Test
    void keepsDigests() {
        ImageReference ref = ImageReference.parse("localhost:5000/a/b@sha256:" + HEX);

        assertThat(ref.domain()).isEqualTo("localhost:5000");
        assertThat(ref.path()).isEqualTo("a/b");
        assertThat(ref.tag()).isNull();
        assertThat(ref.digest()).isEqualTo(Digest.parse("sha256:" + HEX));
        assertThat(ref.toString()).isEqualTo("localhost:5000/a/b@sha256:" + HEX);
    }

    @Test
    void keepsTagAndDigestTogether() {
        ImageReference ref = ImageReference.parse("busybox:1@sha256:" + HEX);

        assertThat(ref.familiarString()).isEqualTo("busybox:1@sha256:" + HEX);
    }

    @Test
    void parseNameAddsNoTag() {
        ImageReference ref = ImageReference.parseName("busybox");

        assertThat(ref.isNameOnly()).isTrue();
        assertThat(ref.toString()).isEqualTo("docker.io/library/busybox");
        assertThat(ref.withTag("x").familiarString()).isEqualTo("busybox:x");
    }

    @Test
    void uppercaseRepositoryUsesDockersMessage() {
        assertThatThrownBy(() -> ImageReference.parse("Busybox"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessage("invalid reference format: repository name (library/Busybox) must be lowercase");
        assertThatThrownBy(() -> ImageReference.parse("user/App:v1"))
                .hasMessage("invalid reference format: repository name (user/App) must be lowercase");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(value = {"''", "':'", "'busybox:'", "'-busybox'", "'busybox:-tag'", "'a//b'", "'a/'", "'busybox@sha256:abc'",
            "'has space'", "'localhost:5000/'", "'busybox:a:b'", "'UPPER.example.com/x/Y'"}, quoteCharacter = '\'')
    void rejectsBadInput(String input) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageStartingWith("invalid reference format");
    }

    @Test
    void rejectsBareIdsAsNames() {
        assertThatThrownBy(() -> ImageReference.parse(HEX))
                .hasMessage("invalid repository name (" + HEX + "), cannot specify 64-byte hexadecimal strings");
    }

    @Test
    void rejectsOverlongNames() {
        assertThatThrownBy(() -> ImageReference.parse("a".repeat(300)))
                .hasMessage("invalid reference format: repository name must not be more than 255 characters");
    }

    @Test
    void rejectsInvalidTags() {
        assertThatThrownBy(() -> ImageReference.parse("busybox").withTag("bad tag"))
                .isInstanceOf(InvalidReferenceException.class);
    }
}

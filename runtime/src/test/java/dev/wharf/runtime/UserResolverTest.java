package dev.wharf.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.runtime.ContainerSpec.ProcessUser;
import dev.wharf.runtime.testing.BusyboxRootfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserResolverTest {
    @TempDir
    Path tmp;

    private Path rootfs;

    @BeforeEach
    void setUp() throws IOException {
        rootfs = BusyboxRootfs.create(tmp.resolve("rootfs"));
    }

    @Test
    void emptyIsRootWithRootsGroups() throws IOException {
        assertThat(UserResolver.resolve(rootfs, "")).isEqualTo(new ProcessUser(0, 0, List.of(0, 10)));
    }

    @Test
    void namesAreLookedUpWithTheirSupplementaryGroups() throws IOException {
        assertThat(UserResolver.resolve(rootfs, "app")).isEqualTo(new ProcessUser(1000, 1000, List.of(1000, 10, 29)));
        assertThat(UserResolver.resolve(rootfs, "nobody")).isEqualTo(new ProcessUser(65534, 65534, List.of(65534)));
    }

    @Test
    void numericIdsNeedNoEntry() throws IOException {
        assertThat(UserResolver.resolve(rootfs, "1000")).isEqualTo(new ProcessUser(1000, 1000, List.of(1000, 10, 29)));
        assertThat(UserResolver.resolve(rootfs, "4242")).isEqualTo(new ProcessUser(4242, 0, List.of(0)));
        assertThat(UserResolver.resolve(rootfs, "4242:4343")).isEqualTo(new ProcessUser(4242, 4343, List.of(4343)));
    }

    @Test
    void anExplicitGroupReplacesThePrimaryAndDropsSupplementaryGroups() throws IOException {
        assertThat(UserResolver.resolve(rootfs, "app:audio")).isEqualTo(new ProcessUser(1000, 29, List.of(29)));
        assertThat(UserResolver.resolve(rootfs, "daemon:10")).isEqualTo(new ProcessUser(1, 10, List.of(10)));
    }

    @Test
    void unknownNamesFailWithDockersWording() {
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "nobody2"))
                .isInstanceOf(UnknownUserException.class)
                .hasMessage("unable to find user nobody2: no matching entries in passwd file");
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "app:staff"))
                .isInstanceOf(UnknownUserException.class)
                .hasMessage("unable to find group staff: no matching entries in group file");
    }

    @Test
    void withoutPasswdOnlyNumericUsersWork() throws IOException {
        Files.delete(rootfs.resolve("etc/passwd"));
        Files.delete(rootfs.resolve("etc/group"));
        assertThat(UserResolver.resolve(rootfs, "")).isEqualTo(new ProcessUser(0, 0, List.of(0)));
        assertThat(UserResolver.resolve(rootfs, "7:8")).isEqualTo(new ProcessUser(7, 8, List.of(8)));
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "app")).isInstanceOf(UnknownUserException.class);
    }

    @Test
    void symlinksCannotEscapeTheRootfs() throws IOException {
        Files.delete(rootfs.resolve("etc/passwd"));
        Path hostPasswd = Files.writeString(tmp.resolve("host-passwd"), "evil:x:0:0::/:/bin/sh\n");
        // absolute and ../ targets both resolve inside the rootfs, where nothing is found
        Files.createSymbolicLink(rootfs.resolve("etc/passwd"), hostPasswd);
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "evil")).isInstanceOf(UnknownUserException.class);
        Files.delete(rootfs.resolve("etc/passwd"));
        Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("../../../../../../" + hostPasswd));
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "evil")).isInstanceOf(UnknownUserException.class);
    }

    @Test
    void symlinksInsideTheRootfsAreFollowed() throws IOException {
        Files.createDirectories(rootfs.resolve("usr/share"));
        Files.move(rootfs.resolve("etc/passwd"), rootfs.resolve("usr/share/passwd"));
        Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/usr/share/passwd"));
        assertThat(UserResolver.resolve(rootfs, "app").uid()).isEqualTo(1000);
    }

    @Test
    void idsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> UserResolver.resolve(rootfs, "4294967296"))
                .isInstanceOf(UnknownUserException.class)
                .hasMessageContaining("range");
    }
}

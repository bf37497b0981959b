package dev.wharf.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyscallsTest {
    @TempDir Path dir;

    @Test
    void errnoBecomesAnExceptionNamingTheCallAndPath() {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> Syscalls.lchown(missing, 0, 0))
                .isInstanceOf(ErrnoException.class)
                .hasMessage("lchown " + missing + ": No such file or directory")
                .satisfies(e -> assertThat(((ErrnoException) e).errno()).isEqualTo(ErrnoException.ENOENT));
    }

    @Test
    void userXattrRoundTrips() throws Exception {
        Path file = Files.createFile(dir.resolve("f"));
        assertThat(Syscalls.getXattr(file, "user.wharf")).isNull();
        Syscalls.setXattr(file, "user.wharf", "y".getBytes(StandardCharsets.UTF_8));
        assertThat(Syscalls.getXattr(file, "user.wharf")).containsExactly('y');
    }

    @Test
    void mkfifoMakesAFifo() throws Exception {
        Path fifo = dir.resolve("fifo");
        Syscalls.mkfifo(fifo, 0600);
        assertThat(Files.readAttributes(fifo, "unix:mode").get("mode")).isEqualTo(Syscalls.S_IFIFO | 0600);
    }

    @Test
    void makedevMatchesGlibc() {
        assertThat(Syscalls.makedev(0, 0)).isZero();
        assertThat(Syscalls.makedev(1, 3)).isEqualTo(0x103);
        assertThat(Syscalls.makedev(136, 260)).isEqualTo((136L << 8) | 4 | (1L << 20));
    }
}

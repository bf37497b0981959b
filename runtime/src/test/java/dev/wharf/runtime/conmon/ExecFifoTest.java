package dev.wharf.runtime.conmon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.linux.Syscalls;
import dev.wharf.runtime.OciRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecFifoTest {
    @TempDir Path dir;

    @Test
    void releasesTheWaitingInitAndRemovesTheFifo() throws Exception {
        Path fifo = dir.resolve(ExecFifo.NAME);
        Syscalls.mkfifo(fifo, 0600);
        // runc init's side: a write-only open that blocks until the start opens the FIFO for reading.
        CompletableFuture<Void> init = CompletableFuture.runAsync(() -> {
            try (var out = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
                out.write('0');
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        ExecFifo.release(fifo, () -> true);
        init.get();
        assertThat(fifo).doesNotExist();
    }

    @Test
    void anInitThatDiedBeforeItsStartIsReported() throws Exception {
        Path fifo = dir.resolve(ExecFifo.NAME);
        Syscalls.mkfifo(fifo, 0600);
        assertThatThrownBy(() -> ExecFifo.release(fifo, () -> false))
                .isInstanceOf(OciRuntimeException.class).hasMessage("container process is already dead");
    }

    @Test
    void aContainerWithoutFifoIsNotStartedAgain() {
        assertThatThrownBy(() -> ExecFifo.release(dir.resolve(ExecFifo.NAME), () -> true))
                .isInstanceOf(OciRuntimeException.class);
    }
}

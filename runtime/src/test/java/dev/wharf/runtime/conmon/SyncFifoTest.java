package dev.wharf.runtime.conmon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncFifoTest {
    @TempDir Path dir;

    @Test
    void readsTheReportAWriterSendsThroughTheFifo() throws Exception {
        Path path = dir.resolve("sync");
        try (SyncFifo fifo = SyncFifo.create(path)) {
            // Like conmon's write-only open: it does not block, because the daemon holds the FIFO open.
            try (var writer = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
                writer.write("{\"data\": 42}\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(fifo.awaitLine(5_000, () -> true)).isEqualTo("{\"data\": 42}");
        }
    }

    @Test
    void aReportWrittenBeforeTheWriterDiedStillCounts() throws Exception {
        Path path = dir.resolve("sync");
        try (SyncFifo fifo = SyncFifo.create(path)) {
            try (var writer = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
                writer.write("{\"data\": -1, \"message\": \"boom\"}\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(fifo.awaitLine(5_000, () -> false)).isEqualTo("{\"data\": -1, \"message\": \"boom\"}");
        }
    }

    @Test
    void aWriterThatDiesSilentlyEndsTheWaitWithNothing() throws Exception {
        try (SyncFifo fifo = SyncFifo.create(dir.resolve("sync"))) {
            long start = System.nanoTime();
            assertThat(fifo.awaitLine(30_000, () -> false)).isEmpty();
            assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
        }
    }

    @Test
    void silenceEndsAtTheTimeout() throws Exception {
        try (SyncFifo fifo = SyncFifo.create(dir.resolve("sync"))) {
            assertThat(fifo.awaitLine(200, () -> true)).isEmpty();
        }
    }
}

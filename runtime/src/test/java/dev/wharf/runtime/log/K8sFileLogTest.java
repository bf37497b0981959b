package dev.wharf.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.runtime.AttachConnection.Stream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class K8sFileLogTest {
    @TempDir
    Path tmp;

    @Test
    void readsCompleteAndReassembledLinesPerStream() throws IOException {
        Path file = write("""
                2026-12-01T08:00:00.000000001+00:00 stdout F hi
                2026-12-01T08:00:01.000000000-05:00 stdout P part
                2026-12-01T08:00:01.500000000-05:00 stderr F err
                2026-12-01T08:00:02.000000000-05:00 stdout F ial
                2026-12-01T08:00:03.000000000+00:00 stdout F\s
                """);
        List<LogRecord> records = new K8sFileLog(file).readAll();
        assertThat(records).extracting(LogRecord::stream)
                .containsExactly(Stream.STDOUT, Stream.STDERR, Stream.STDOUT, Stream.STDOUT);
        assertThat(records).extracting(K8sFileLogTest::text).containsExactly("hi\n", "err\n", "partial\n", "\n");
        assertThat(records.get(0).time()).isEqualTo(Instant.parse("2026-12-01T08:00:00.000000001Z"));
        assertThat(records.get(2).time()).isEqualTo(Instant.parse("2026-12-01T13:00:01Z"));
    }

    @Test
    void ignoresAHalfWrittenLastLineButKeepsAnUnfinishedPartial() throws IOException {
        Path file = write("2026-12-01T08:00:00.000000000+00:00 stdout P prompt> \n2026-12-01T08:00:0");
        assertThat(new K8sFileLog(file).readAll()).extracting(K8sFileLogTest::text).containsExactly("prompt> ");
    }

    @Test
    void aMissingFileIsAnEmptyLog() throws IOException {
        assertThat(new K8sFileLog(tmp.resolve("none.log")).readAll()).isEmpty();
    }

    @Test
    @Timeout(10)
    void followDeliversExistingThenNewRecordsUntilStopped() throws Exception {
        Path file = write("2026-12-01T08:00:00.000000000+00:00 stdout F one\n2026-12-01T08:00:01.000000000+00:00 std");
        List<String> seen = new CopyOnWriteArrayList<>();
        var stop = new AtomicBoolean();
        Thread follower = Thread.ofVirtual().start(() -> {
            try {
                new K8sFileLog(file).follow(record -> seen.add(text(record)), stop::get);
            } catch (Exception e) {
                seen.add("failed: " + e);
            }
        });
        while (seen.isEmpty()) {
            Thread.sleep(10);
        }
        Files.writeString(file, "out F two\n", StandardOpenOption.APPEND);
        while (seen.size() < 2) {
            Thread.sleep(10);
        }
        Files.writeString(file, "2026-12-01T08:00:02.000000000+00:00 stderr F three\n", StandardOpenOption.APPEND);
        stop.set(true);
        follower.join();
        assertThat(seen).containsExactly("one\n", "two\n", "three\n");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(tmp.resolve("ctr.log"), content);
    }

    private static String text(LogRecord record) {
        return new String(record.data(), StandardCharsets.UTF_8);
    }
}

package dev.wharf.runtime.conmon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** conmon's control FIFO ({@code <bundle>/ctl}): {@code 1 rows cols} resizes the TTY. */
final class ConmonCtl {
    private ConmonCtl() {}

    /**
     * Opened read-write: that never blocks, even when conmon is gone (the message is then simply lost).
     * conmon buffers a resize sent before the TTY exists.
     */
    static void resize(Path ctl, int rows, int cols) throws IOException {
        try (var channel = FileChannel.open(ctl, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(("1 " + rows + " " + cols + "\n").getBytes(StandardCharsets.US_ASCII)));
        }
    }
}

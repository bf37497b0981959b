package dev.wharf.image.remote;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and reports them, at most once per 1% of the total (or 512 KiB
 * when the total is unknown) and once at the end, so a big layer does not flood the progress stream.
 */
public final class ProgressInputStream extends FilterInputStream {
    private static final long UNKNOWN_STEP = 512 * 1024;

    private final TransferProgress progress;
    private final String id;
    private final String action;
    private final long total;
    private final long step;
    private long current;
    private long reported;

    public ProgressInputStream(InputStream in, TransferProgress progress, String id, String action, long total) {
        super(in);
        this.progress = progress;
        this.id = id;
        this.action = action;
        this.total = total;
        this.step = total > 0 ? Math.max(32 * 1024, total / 100) : UNKNOWN_STEP;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(n);
        return n;
    }

    private void count(int n) {
        if (n < 0) {
            if (current != reported) {
                report();
            }
            return;
        }
        current += n;
        if (current - reported >= step || (total > 0 && current == total)) {
            report();
        }
    }

    private void report() {
        reported = current;
        progress.bytes(id, action, current, total);
    }
}

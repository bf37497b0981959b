package dev.wharf.api.stream;

import java.io.IOException;
import java.io.InputStream;

/**
 * Passes keystrokes through until the detach sequence has been typed, then reports end of input and
 * {@link #detached()}. Bytes that start the sequence are held back until it is clear whether they
 * complete it; if not, they go through unchanged (Docker's term.EscapeProxy).
 */
public final class EscapeProxy extends InputStream {
    /** What the docker CLI prints when the user detached. */
    public static final String MESSAGE = "read escape sequence";

    private final InputStream in;
    private final byte[] keys;
    private final byte[] chunk = new byte[8192];
    private byte[] ready = new byte[0];
    private int readyPos;
    private int matched;
    private boolean detached;
    private boolean eof;

    public EscapeProxy(InputStream in, byte[] keys) {
        this.in = in;
        this.keys = keys.clone();
    }

    public boolean detached() {
        return detached;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (readyPos == ready.length) {
            if (detached || eof) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, ready.length - readyPos);
        System.arraycopy(ready, readyPos, target, offset, n);
        readyPos += n;
        return n;
    }

    /** Reads one chunk and keeps what the user meant to send. */
    private void fill() throws IOException {
        int n = in.read(chunk);
        if (n < 0) {
            eof = true;
            ready = java.util.Arrays.copyOf(keys, matched); // a started sequence at EOF was input after all
            readyPos = 0;
            matched = 0;
            return;
        }
        var out = new java.io.ByteArrayOutputStream(n + keys.length);
        for (int i = 0; i < n && !detached; i++) {
            byte b = chunk[i];
            if (keys.length == 0) {
                out.write(b);
            } else if (b == keys[matched]) {
                if (++matched == keys.length) {
                    detached = true;
                }
            } else {
                out.write(keys, 0, matched);
                matched = b == keys[0] ? 1 : 0;
                if (matched == 0) {
                    out.write(b);
                }
            }
        }
        ready = out.toByteArray();
        readyPos = 0;
    }
}

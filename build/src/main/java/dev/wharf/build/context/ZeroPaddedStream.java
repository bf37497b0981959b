package dev.wharf.build.context;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A tar stream completed with zeros: the docker CLI sends {@code -f -} contexts whose last entry lacks its
 * padding and the end-of-archive blocks (Go's tar reader accepts that). After the real end, zeros fill the
 * last 512-byte record and add the two end blocks; a complete archive ends before them anyway.
 */
final class ZeroPaddedStream extends FilterInputStream {
    private static final int RECORD = 512;
    private long count;
    private long padding = -1;

    ZeroPaddedStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (padding < 0) {
            int n = in.read(b, off, len);
            if (n >= 0) {
                count += n;
                return n;
            }
            padding = (RECORD - count % RECORD) % RECORD + 2L * RECORD;
        }
        if (padding == 0) {
            return -1;
        }
        int n = (int) Math.min(len, padding);
        java.util.Arrays.fill(b, off, off + n, (byte) 0);
        padding -= n;
        return n;
    }
}

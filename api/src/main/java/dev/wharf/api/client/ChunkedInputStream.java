package dev.wharf.api.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Decodes a {@code Transfer-Encoding: chunked} body; a read returns what one chunk offers. */
final class ChunkedInputStream extends InputStream {

    private final InputStream in;
    private long chunkRemaining;
    private boolean done;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        var one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        if (chunkRemaining == 0) {
            chunkRemaining = readChunkSize();
            if (chunkRemaining == 0) {
                skipTrailers();
                done = true;
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, chunkRemaining));
        if (n < 0) {
            throw new EOFException("connection closed inside a chunk");
        }
        chunkRemaining -= n;
        if (chunkRemaining == 0) {
            expectCrlf();
        }
        return n;
    }

    private long readChunkSize() throws IOException {
        String line = HttpLines.readLine(in);
        if (line == null) {
            throw new EOFException("connection closed before the last chunk");
        }
        int extension = line.indexOf(';');
        String hex = (extension >= 0 ? line.substring(0, extension) : line).strip();
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size: " + line);
        }
    }

    private void expectCrlf() throws IOException {
        String line = HttpLines.readLine(in);
        if (line == null || !line.isEmpty()) {
            throw new IOException("missing CRLF after chunk");
        }
    }

    private void skipTrailers() throws IOException {
        for (String line; (line = HttpLines.readLine(in)) != null && !line.isEmpty(); ) {
            // trailers carry nothing the Engine API uses
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

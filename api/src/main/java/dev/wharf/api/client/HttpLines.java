package dev.wharf.api.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** CRLF-terminated lines of the HTTP head and chunk framing. */
final class HttpLines {

    static final byte[] CRLF = {'\r', '\n'};
    private static final int MAX_LINE = 64 * 1024;

    private HttpLines() {}

    /** A line without its terminator (LF alone is tolerated), or {@code null} at EOF before any byte. */
    static String readLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream(64);
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("HTTP line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        if (line.size() == 0) {
            return null;
        }
        throw new IOException("connection closed in the middle of a line");
    }
}

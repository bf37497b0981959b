package dev.wharf.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MultiplexedStreamTest {

    @Test
    void headerMatchesRecordedBytes() {
        assertThat(HexFormat.of().formatHex(MultiplexedStream.encode(StreamType.STDOUT, bytes("hi\n"))))
                .isEqualTo("0100000000000003" + "68690a");
        assertThat(HexFormat.of().formatHex(MultiplexedStream.header(StreamType.STDERR, 13))).isEqualTo("020000000000000d");
    }

    @Test
    void framingStreamAndDecoderRoundTrip() throws IOException {
        var wire = new ByteArrayOutputStream();
        try (var out = MultiplexedStream.framing(wire, StreamType.STDOUT);
                var err = MultiplexedStream.framing(wire, StreamType.STDERR)) {
            out.write(bytes("hello"));
            err.write(bytes("oops\n"));
            out.write(new byte[0]);
            out.write(bytes(" world\n"));
        }
        var decoder = MultiplexedStream.decoder(new ByteArrayInputStream(wire.toByteArray()));
        assertThat(decoder.next()).satisfies(f -> assertThat(f.stream()).isEqualTo(StreamType.STDOUT))
                .extracting(Frame::text).isEqualTo("hello");
        assertThat(decoder.next().stream()).isEqualTo(StreamType.STDERR);
        assertThat(decoder.next().text()).isEqualTo(" world\n");
        assertThat(decoder.next()).isNull();
    }

    @Test
    void demultiplexSplitsStreams() throws IOException {
        var wire = new ByteArrayOutputStream();
        wire.write(MultiplexedStream.encode(StreamType.STDOUT, bytes("a")));
        wire.write(MultiplexedStream.encode(StreamType.STDERR, bytes("b")));
        wire.write(MultiplexedStream.encode(StreamType.SYSTEMERR, bytes("c")));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        MultiplexedStream.demultiplex(new ByteArrayInputStream(wire.toByteArray()), out, err);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("bc");
    }

    @Test
    void truncatedFrameIsAnError() {
        var truncated = new byte[] {1, 0, 0, 0, 0, 0, 0, 5, 'x'};
        assertThatThrownBy(() -> MultiplexedStream.decoder(new ByteArrayInputStream(truncated)).next())
                .isInstanceOf(EOFException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.wharf.image;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Recognises a layer's compression from its first bytes, as Docker's archive.DetectCompression does. */
public enum Compression {
    NONE, GZIP, ZSTD, BZIP2, XZ;

    /** Detects the compression of the stream; the returned stream still starts at the first byte. */
    public static Detected detect(InputStream in) throws IOException {
        BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 65536);
        buffered.mark(8);
        byte[] magic = buffered.readNBytes(6);
        buffered.reset();
        return new Detected(of(magic), buffered);
    }

    private static Compression of(byte[] m) {
        if (starts(m, 0x1f, 0x8b, 0x08)) {
            return GZIP;
        }
        if (starts(m, 0x28, 0xb5, 0x2f, 0xfd)) {
            return ZSTD;
        }
        if (starts(m, 0x42, 0x5a, 0x68)) {
            return BZIP2;
        }
        if (starts(m, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) {
            return XZ;
        }
        return NONE;
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A stream with its detected compression. */
    public record Detected(Compression compression, InputStream stream) {
        /** The uncompressed bytes; plain, gzip and zstd are supported (the layer media types OCI defines). */
        public InputStream decompressed() throws IOException {
            return switch (compression) {
                case NONE -> stream;
                case GZIP -> new GZIPInputStream(stream, 65536);
                case ZSTD -> new ZstdInputStream(stream);
                default -> throw new LayerException("unsupported layer compression: " + compression.name().toLowerCase());
            };
        }
    }
}

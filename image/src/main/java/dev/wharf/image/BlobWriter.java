package dev.wharf.image;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A blob being written into a {@link BlobStore}: the bytes written are hashed as they go, {@link #commit}
 * checks them against the expected digest and size and publishes the blob, {@link #close} without a
 * commit discards them. Lets a pull store a layer's bytes while it unpacks the same bytes.
 */
public abstract class BlobWriter extends OutputStream {
    /** Throws {@link DigestMismatchException} unless the bytes written are the expected blob; ends the writing. */
    public abstract void verify() throws DigestMismatchException;

    /** Verifies and publishes the blob; returns its digest. Nothing is stored when it throws. */
    public abstract Digest commit() throws IOException;

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }
}

package dev.wharf.image;

import java.io.IOException;
import java.io.InputStream;

/** Where pulled or loaded layers are unpacked for containers (the runtime's snapshotter, supplied by the engine). */
public interface LayerUnpacker {
    boolean has(Digest diffId);

    /**
     * Unpacks the layer blob (compressed or not); fails without leaving anything if it is not {@code diffId}
     * or if reading {@code layer} fails, up to and including its end (it is read to its end before the
     * layer is committed).
     */
    void unpack(Digest diffId, InputStream layer) throws IOException;
}

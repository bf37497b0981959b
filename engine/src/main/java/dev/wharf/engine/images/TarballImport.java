package dev.wharf.engine.images;

import dev.wharf.image.Image;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** {@code docker import}: a root filesystem tarball becomes a one-layer image (done by the image module). */
@FunctionalInterface
public interface TarballImport {
    /**
     * @param changes Dockerfile instructions ({@code ENV A=1}, {@code CMD ["sh"]}) applied to the config
     * @param message the history comment; Docker's default is "Imported from -"
     */
    Image importTarball(InputStream tarball, List<String> changes, String message) throws IOException;
}

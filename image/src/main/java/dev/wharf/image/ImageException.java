package dev.wharf.image;

import java.io.IOException;

/** Base of the image module's checked failures. */
public class ImageException extends IOException {
    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}

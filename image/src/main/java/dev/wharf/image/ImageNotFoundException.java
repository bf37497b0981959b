package dev.wharf.image;

/** No image matches the name or ID; the message is Docker's ("No such image: busybox:latest"). */
public final class ImageNotFoundException extends ImageException {
    public ImageNotFoundException(String nameOrId) {
        super("No such image: " + nameOrId);
    }
}

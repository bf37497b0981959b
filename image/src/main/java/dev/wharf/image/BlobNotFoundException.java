package dev.wharf.image;

/** The blob store has no blob with this digest. */
public final class BlobNotFoundException extends ImageException {
    private final Digest digest;

    public BlobNotFoundException(Digest digest) {
        super("blob " + digest + " not found");
        this.digest = digest;
    }

    public Digest digest() {
        return digest;
    }
}

package dev.wharf.image;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images this daemon holds and the names that point at them.
 *
 * <p>An image is identified by its config digest (Docker's image ID) and stored as a manifest in
 * the {@link BlobStore}. References (name:tag or name@digest) map to the image ID. The reference
 * table is rewritten with write-temp-then-rename, so a crash never leaves it half written. An image may
 * have a parent (the classic builder's chain); deleting an image forgets its own parent link.
 */
public interface ImageStore {
    /** Writes config and manifest blobs for the layers (already in the blob store) and records the image. */
    Image create(ImageConfig config, List<Descriptor> layers) throws IOException;

    /** Records an image whose manifest and config blobs are already in the blob store. */
    Image add(Digest manifestDigest) throws IOException;

    /** The image with exactly this ID (config digest). */
    Optional<Image> get(Digest imageId) throws IOException;

    /**
     * Docker's lookup: a reference (normalised, default tag latest), a full ID ({@code sha256:…}),
     * or an unambiguous ID prefix of at least one hex character. An ambiguous prefix matches
     * nothing, as in Docker.
     *
     * @throws InvalidReferenceException when the text is neither an ID nor a valid reference
     */
    Optional<Image> lookup(String nameOrId) throws IOException;

    List<Image> list() throws IOException;

    /**
     * Points the reference at the image, moving it from any image it pointed at before; a name
     * without tag or digest gets {@code latest}. @throws ImageNotFoundException for an unknown ID
     */
    void tag(ImageReference reference, Digest imageId) throws IOException;

    /** Removes the reference; returns whether it existed. */
    boolean untag(ImageReference reference) throws IOException;

    /** Every reference and the image ID it points at. */
    Map<ImageReference, Digest> references() throws IOException;

    /** The references pointing at the image (its RepoTags and RepoDigests), in stable order. */
    default List<ImageReference> referencesTo(Digest imageId) throws IOException {
        return references().entrySet().stream()
                .filter(e -> e.getValue().equals(imageId))
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Records the image's parent, as dockerd's image store does for the classic builder's step images
     * (each step's image is a child of the previous one). @throws ImageNotFoundException for an unknown ID
     */
    void setParent(Digest imageId, Digest parent) throws IOException;

    /** The image's parent, when one was recorded and is still here. */
    Optional<Digest> parent(Digest imageId);

    /** The images whose parent this is. */
    List<Digest> children(Digest imageId);

    /**
     * Forgets the image (its references must be gone, else {@link ImageException} "conflict: …");
     * its manifest, config and the layer blobs no other image uses are deleted.
     */
    void delete(Digest imageId) throws IOException;
}

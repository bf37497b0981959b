package dev.wharf.image.remote;

/**
 * What a pull or push reports as it goes, in the vocabulary of Docker's progress stream: status lines
 * per layer ({@code Pulling fs layer}, {@code Download complete}, {@code Pushed}…) and byte counts
 * ({@code Downloading}, {@code Extracting}, {@code Pushing}). Called from several threads at once.
 */
public interface TransferProgress {
    TransferProgress NONE = new TransferProgress() {
        @Override
        public void status(String id, String status) {}

        @Override
        public void bytes(String id, String action, long current, long total) {}
    };

    /** A status line; {@code id} (a short layer digest, a tag) is null for a line of its own. */
    void status(String id, String status);

    /** {@code current} of {@code total} bytes (-1 when unknown) done for the action. */
    void bytes(String id, String action, long current, long total);
}

package dev.wharf.image;

/** One entry of {@code docker diff}: a path of the container and how its writable layer changed it. */
public record FileChange(String path, Kind kind) {

    /** Docker's change kinds, with their numbers on the wire and letters in the CLI. */
    public enum Kind {
        MODIFY(0, 'C'), ADD(1, 'A'), DELETE(2, 'D');

        private final int code;
        private final char letter;

        Kind(int code, char letter) {
            this.code = code;
            this.letter = letter;
        }

        public int code() {
            return code;
        }

        public char letter() {
            return letter;
        }
    }
}

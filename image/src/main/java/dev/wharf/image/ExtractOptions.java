package dev.wharf.image;

/**
 * How {@link TarLayerApplier} treats an archive.
 *
 * <p>A layer (the default) turns Docker whiteouts into overlay whiteouts and keeps the owners the
 * tar names. A copy ({@code docker cp}, moby's {@code Untar}) takes {@code .wh.} names literally and may
 * refuse to replace a directory by a non-directory or the reverse ({@code noOverwriteDirNonDir}).
 *
 * @param whiteouts Docker whiteouts become overlay whiteouts
 * @param noOverwriteDirNonDir refuse replacing a directory with a non-directory and vice versa
 * @param owners whose ownership the extracted files get
 * @param parents how a parent that is a symlink is handled (null: refused)
 */
public record ExtractOptions(boolean whiteouts, boolean noOverwriteDirNonDir, Owners owners,
        ParentResolver parents) {

    /** Who owns the extracted files. */
    public sealed interface Owners {
        /** The uid and gid in each tar header (a layer, or {@code docker cp} into a container). */
        record FromArchive() implements Owners {}

        /** Everything belongs to one user ({@code docker cp -a} into a container of a given {@code User}). */
        record Fixed(int uid, int gid) implements Owners {}

        /** Whoever extracts (moby's {@code NoLchown}: the client unpacking {@code docker cp} output). */
        record Extractor() implements Owners {}
    }

    /**
     * Resolves a symlinked parent directory met while extracting, e.g. a container's {@code /bin ->
     * usr/bin}; must return a path that stays inside the scope the caller protects.
     */
    @FunctionalInterface
    public interface ParentResolver {
        java.nio.file.Path resolve(java.nio.file.Path symlink) throws java.io.IOException;
    }

    public static ExtractOptions layer() {
        return new ExtractOptions(true, false, new Owners.FromArchive(), null);
    }

    public static ExtractOptions copy(boolean noOverwriteDirNonDir, Owners owners, ParentResolver parents) {
        return new ExtractOptions(false, noOverwriteDirNonDir, owners, parents);
    }
}

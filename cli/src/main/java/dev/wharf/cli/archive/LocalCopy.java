package dev.wharf.cli.archive;

import dev.wharf.image.ExtractOptions;
import dev.wharf.image.TarLayerApplier;
import dev.wharf.image.TreeArchiver;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The client's half of {@code docker cp} (moby's {@code pkg/archive/copy.go}): how source and
 * destination paths decide the archive's names and the directory it is unpacked into. The daemon
 * only ever packs or unpacks one directory; all the "copy into" versus "copy as" logic lives here.
 */
public final class LocalCopy {
    private static final int MAX_LINKS = 10;

    private LocalCopy() {}

    /** Where to unpack and what to unpack there. */
    public record Prepared(String directory, InputStream archive) {}

    /** Go's {@code SplitPathDirEntry}: directory and last element; a path ending in {@code /.} keeps {@code .}. */
    public static String[] splitPathDirEntry(String path) {
        String cleaned = clean(path);
        if (specifiesCurrentDir(path)) {
            cleaned = cleaned.equals("/") ? "/." : cleaned + "/.";
        }
        int slash = cleaned.lastIndexOf('/');
        String dir = slash < 0 ? "." : slash == 0 ? "/" : cleaned.substring(0, slash);
        String base = slash < 0 ? cleaned : cleaned.substring(slash + 1);
        return new String[] {dir, base.isEmpty() ? "/" : base};
    }

    /** A local path made absolute with its trailing {@code /} or {@code /.} kept (the CLI's {@code resolveLocalPath}). */
    public static String absolute(String path) {
        String abs = Path.of(path).toAbsolutePath().normalize().toString();
        return preserveTrailing(abs, path);
    }

    /** moby's {@code CopyInfoSourcePath}: a local source, followed through a final symlink with {@code -L}. */
    public static CopyInfo sourceInfo(String path, boolean followLink) throws IOException {
        String resolved;
        String rebaseName = null;
        Path asPath = Path.of(path);
        if (followLink) {
            resolved = preserveTrailing(asPath.toRealPath().toString(), path);
            String base = splitPathDirEntry(path)[1];
            if (!base.equals(splitPathDirEntry(resolved)[1])) {
                rebaseName = base;
            }
        } else {
            String[] split = splitRaw(path);
            Path dir = Path.of(split[0].isEmpty() ? "." : split[0]).toRealPath();
            resolved = dir + "/" + split[1];
            if (hasTrailingSeparator(path) && !baseOf(path).equals(baseOf(resolved))) {
                rebaseName = baseOf(path);
            }
        }
        boolean isDir;
        try {
            isDir = Files.readAttributes(Path.of(resolved), java.nio.file.attribute.BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).isDirectory();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path, null, "no such file or directory");
        }
        return new CopyInfo(resolved, true, isDir, rebaseName);
    }

    /** moby's {@code CopyInfoDestinationPath}: a local destination, symlinks followed; its parent must exist. */
    public static CopyInfo destinationInfo(String path) throws IOException {
        String current = path;
        for (int links = 0; ; links++) {
            Path p = Path.of(current);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                Path parent = Path.of(splitPathDirEntry(current)[0]);
                if (!Files.isDirectory(parent)) {
                    throw new NoSuchFileException(parent.toString(), null, "no such file or directory");
                }
                return new CopyInfo(current, false, false, null);
            }
            if (!Files.isSymbolicLink(p)) {
                return new CopyInfo(current, true, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS), null);
            }
            if (links >= MAX_LINKS) {
                throw new IOException("too many symlinks in " + path);
            }
            Path target = Files.readSymbolicLink(p);
            current = target.isAbsolute() ? target.toString()
                    : Path.of(splitPathDirEntry(current)[0]).resolve(target).toString();
        }
    }

    /** moby's {@code TarResource}: the source (and everything below it) named by its base name or its rebase name. */
    public static InputStream tar(CopyInfo source) throws IOException {
        String[] split = splitPathDirEntry(source.path());
        Path file = Path.of(split[0]).resolve(split[1]);
        String name = source.rebaseName() != null ? source.rebaseName() : split[1];
        var in = new PipedInputStream(1 << 16);
        var out = new PipedOutputStream(in);
        Thread.ofVirtual().start(() -> {
            try (out; TreeArchiver archiver = new TreeArchiver(out, false)) {
                archiver.add(file, name);
                archiver.finish();
            } catch (IOException e) {
                // the reading side sees a truncated stream
            }
        });
        return in;
    }

    /** moby's {@code PrepareArchiveCopy}; fails with Docker's messages where no copy makes sense. */
    public static Prepared prepare(InputStream content, CopyInfo source, CopyInfo destination) throws IOException {
        String[] dst = splitPathDirEntry(destination.path());
        // The entries carry the rebase name already, when there is one.
        String srcBase = source.rebaseName() != null ? source.rebaseName() : splitPathDirEntry(source.path())[1];
        if (destination.exists() && destination.isDir()) {
            return new Prepared(destination.path(), content);
        }
        if (destination.exists() && source.isDir()) {
            throw new IOException("cannot copy directory");
        }
        if (!destination.exists() && !source.isDir() && assertsDirectory(destination.path())) {
            throw new IOException("no such directory");
        }
        return new Prepared(dst[0], TarRebase.rebase(content, srcBase, dst[1]));
    }

    /** moby's {@code CopyTo}: unpacks into the local destination, never lchown'ing and refusing dir/non-dir swaps. */
    public static void extract(InputStream content, CopyInfo source, String destinationPath) throws IOException {
        CopyInfo destination = destinationInfo(destinationPath);
        Prepared prepared = prepare(content, source, destination);
        var options = ExtractOptions.copy(true, new ExtractOptions.Owners.Extractor(), null);
        new TarLayerApplier(options).apply(prepared.archive(), Path.of(prepared.directory()));
    }

    static boolean assertsDirectory(String path) {
        return hasTrailingSeparator(path) || specifiesCurrentDir(path);
    }

    private static boolean hasTrailingSeparator(String path) {
        return path.endsWith("/");
    }

    private static boolean specifiesCurrentDir(String path) {
        return path.equals(".") || path.endsWith("/.");
    }

    private static String baseOf(String path) {
        return splitPathDirEntry(path)[1];
    }

    /** Go's {@code filepath.Split}: everything up to the last slash, and the rest. */
    private static String[] splitRaw(String path) {
        int slash = path.lastIndexOf('/');
        return new String[] {path.substring(0, slash + 1), path.substring(slash + 1)};
    }

    private static String preserveTrailing(String cleaned, String original) {
        if (specifiesCurrentDir(original) && !specifiesCurrentDir(cleaned)) {
            return cleaned.equals("/") ? "/." : cleaned + "/.";
        }
        if (hasTrailingSeparator(original) && !hasTrailingSeparator(cleaned)) {
            return cleaned + "/";
        }
        return cleaned;
    }

    /** Go's {@code filepath.Clean}. */
    private static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean absolute = path.startsWith("/");
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.pollLast();
            } else if (!part.equals("..") || !absolute) {
                parts.addLast(part);
            }
        }
        String joined = String.join("/", parts);
        return absolute ? "/" + joined : joined.isEmpty() ? "." : joined;
    }
}

package dev.wharf.build.context;

import dev.wharf.build.BuildException;
import dev.wharf.runtime.ScopedPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build context on disk (the unpacked tar of the request) after {@code .dockerignore} was applied.
 * Sources are looked up inside it only: {@code ..} cannot leave it and symlinks resolve within it.
 */
public final class BuildContext {
    private final Path root;
    private final ContentHashes hashes;

    private BuildContext(Path root, ContentHashes hashes) {
        this.root = root;
        this.hashes = hashes;
    }

    public Path root() {
        return root;
    }

    /** Sources looked up in another root as they are (the rootfs of a stage or image for COPY --from). */
    public static BuildContext at(Path root) {
        return new BuildContext(root, ContentHashes.NONE);
    }

    /**
     * Applies {@code <dockerfile>.dockerignore} (next to the Dockerfile) or else {@code .dockerignore}:
     * the excluded files are removed, as the classic builder does, so no step can see them.
     */
    public static BuildContext prepare(Path root, String dockerfilePath, ContentHashes hashes) throws IOException {
        Path specific = root.resolve(dockerfilePath + ".dockerignore");
        Path general = root.resolve(".dockerignore");
        DockerIgnore ignore = DockerIgnore.NONE;
        if (!dockerfilePath.isEmpty() && Files.isRegularFile(specific, LinkOption.NOFOLLOW_LINKS)) {
            ignore = DockerIgnore.parse(Files.readString(specific));
        } else if (Files.isRegularFile(general, LinkOption.NOFOLLOW_LINKS)) {
            ignore = DockerIgnore.parse(Files.readString(general));
        }
        BuildContext context = new BuildContext(root, hashes);
        context.removeExcluded(root, ignore);
        return context;
    }

    /** The SHA-256 of a regular file of this context taken at unpacking, when there is one. */
    Optional<byte[]> contentHash(Path file) {
        return file.startsWith(root) ? hashes.of(root.relativize(file).toString()) : Optional.empty();
    }

    /** Removes what the patterns exclude; returns whether {@code dir} is empty afterwards. */
    private boolean removeExcluded(Path dir, DockerIgnore ignore) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.toList();
        }
        boolean empty = true;
        for (Path child : children) {
            String rel = root.relativize(child).toString();
            boolean excluded = ignore.excludes(rel);
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                if (excluded && !ignore.hasExceptions()) {
                    deleteTree(child);
                    continue;
                }
                boolean childEmpty = removeExcluded(child, ignore);
                if (excluded && childEmpty) {
                    Files.delete(child);
                    continue;
                }
            } else if (excluded) {
                Files.delete(child);
                continue;
            }
            empty = false;
        }
        return empty;
    }

    /**
     * The context paths a COPY/ADD source names: one path, or every match of a glob. Errors are Docker's.
     */
    public List<ContextSource> resolve(String keyword, String source) throws IOException {
        String cleaned = DockerIgnore.clean(source.startsWith("/") ? source.substring(1) : source);
        if (cleaned.equals("..") || cleaned.startsWith("../")) {
            throw new BuildException(keyword + " failed: forbidden path outside the build context: " + source + " ()");
        }
        if (cleaned.equals(".")) {
            return List.of(new ContextSource(root, "."));
        }
        if (!hasGlob(cleaned)) {
            Path path = ScopedPath.resolve(root, cleaned);
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new BuildException(keyword + " failed: file not found in build context or excluded by"
                        + " .dockerignore: stat " + cleaned + ": file does not exist");
            }
            return List.of(new ContextSource(path, cleaned));
        }
        Pattern glob = globPattern(cleaned);
        List<ContextSource> matches = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted().toList()) {
                String rel = root.relativize(p).toString();
                if (!rel.isEmpty() && glob.matcher(rel).matches()) {
                    matches.add(new ContextSource(p, rel));
                }
            }
        }
        if (matches.isEmpty()) {
            throw new BuildException(keyword + " failed: no source files were specified");
        }
        return matches;
    }

    static boolean hasGlob(String path) {
        return path.contains("*") || path.contains("?") || path.contains("[");
    }

    /** Go's filepath.Match over the whole relative path: {@code *} never crosses a slash. */
    private static Pattern globPattern(String glob) {
        return DockerIgnore.compile(glob.replace("**", "*"));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

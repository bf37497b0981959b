package dev.wharf.build.context;

import dev.wharf.build.BuildException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the sources of COPY/ADD come from: the build's context (a spooled tar, {@link ArchiveContext}) or a
 * directory on disk (the rootfs of a stage or image for {@code COPY --from}, {@link DirectoryContext}). Sources
 * are looked up inside it only: {@code ..} cannot leave it and symlinks resolve within it.
 */
public sealed abstract class BuildContext permits ArchiveContext, DirectoryContext {
    /** Sources looked up in another root as they are. */
    public static BuildContext at(Path root) {
        return new DirectoryContext(root);
    }

    /**
     * The request's context after {@code <dockerfile>.dockerignore} (next to the Dockerfile) or else
     * {@code .dockerignore} was applied: the excluded files are gone, as in the classic builder, so no step sees them.
     */
    public static BuildContext prepare(ContextIndex index, String dockerfilePath) throws IOException {
        return ArchiveContext.withIgnoreRules(index, dockerfilePath);
    }

    /** The context's root directory on disk (for the request's context: where its sources are extracted). */
    abstract Path root();

    /** The path a cleaned relative name reaches, symlinks followed within the context, if something is there. */
    abstract Optional<Path> lookup(String cleaned) throws IOException;

    /** Every relative name in the context, sorted. */
    abstract List<String> names() throws IOException;

    /** Whether the source is a directory (following a symlink). */
    public abstract boolean isDirectory(ContextSource source) throws IOException;

    /** What {@link SourceDigest} compares of the source and everything under it, sorted by name. */
    abstract List<SourceDigest.Item> items(ContextSource source) throws IOException;

    /** Makes the sources (from this context) exist on disk at their paths, for a step that copies them. */
    public abstract void materialize(List<ContextSource> sources) throws IOException;

    /**
     * The context paths a COPY/ADD source names: one path, or every match of a glob. Errors are Docker's.
     */
    public final List<ContextSource> resolve(String keyword, String source) throws IOException {
        String cleaned = DockerIgnore.clean(source.startsWith("/") ? source.substring(1) : source);
        if (cleaned.equals("..") || cleaned.startsWith("../")) {
            throw new BuildException(keyword + " failed: forbidden path outside the build context: " + source + " ()");
        }
        if (cleaned.equals(".")) {
            return List.of(new ContextSource(root(), "."));
        }
        if (!hasGlob(cleaned)) {
            Optional<Path> path = lookup(cleaned);
            if (path.isEmpty()) {
                throw new BuildException(keyword + " failed: file not found in build context or excluded by"
                        + " .dockerignore: stat " + cleaned + ": file does not exist");
            }
            return List.of(new ContextSource(path.get(), cleaned));
        }
        Pattern glob = globPattern(cleaned);
        List<ContextSource> matches = new ArrayList<>();
        for (String rel : names()) {
            if (glob.matcher(rel).matches()) {
                matches.add(new ContextSource(root().resolve(rel), rel));
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
}

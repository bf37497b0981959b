package dev.wharf.build.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request's context, read from its {@link ContextIndex}: lookups, globs and the cache's digests use the
 * index alone; {@link #materialize} extracts the sources of a step that has to copy them. A source outside
 * the index (a here-document or URL written to a scratch directory) is read from disk.
 */
final class ArchiveContext extends BuildContext {
    private final ContextIndex index;

    private ArchiveContext(ContextIndex index) {
        this.index = index;
    }

    static ArchiveContext withIgnoreRules(ContextIndex index, String dockerfilePath) throws IOException {
        Optional<String> specific = dockerfilePath.isEmpty() ? Optional.empty()
                : index.readString(DockerIgnore.clean(dockerfilePath + ".dockerignore"));
        Optional<String> rules = specific.isPresent() ? specific : index.readString(".dockerignore");
        if (rules.isPresent()) {
            removeExcluded(index, DockerIgnore.parse(rules.get()));
        }
        return new ArchiveContext(index);
    }

    /**
     * Removes what the patterns exclude, deepest names first: a file when excluded, a directory when excluded
     * and nothing under it is left (an exception may keep some of its files, and with them the directory).
     */
    private static void removeExcluded(ContextIndex index, DockerIgnore ignore) {
        for (String name : index.names().reversed()) {
            ContextEntry entry = index.entry(name).orElseThrow();
            if (ignore.excludes(name) && !(entry.isDirectory() && index.hasChildren(name))) {
                index.remove(name);
            }
        }
    }

    @Override
    Path root() {
        return index.tree();
    }

    @Override
    Optional<Path> lookup(String cleaned) throws IOException {
        String name = index.resolve(cleaned);
        if (!name.isEmpty() && index.entry(name).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(name.isEmpty() ? index.tree() : index.tree().resolve(name));
    }

    @Override
    List<String> names() {
        return index.names();
    }

    @Override
    public boolean isDirectory(ContextSource source) throws IOException {
        Optional<String> name = nameOf(source);
        if (name.isEmpty()) {
            return Files.isDirectory(source.path());
        }
        String resolved = index.resolve(name.get());
        return resolved.isEmpty() || index.entry(resolved).map(ContextEntry::isDirectory).orElse(false);
    }

    @Override
    List<SourceDigest.Item> items(ContextSource source) throws IOException {
        Optional<String> name = nameOf(source);
        if (name.isEmpty()) {
            return DirectoryContext.walk(source.path());
        }
        List<SourceDigest.Item> items = new ArrayList<>();
        String top = name.get();
        for (Map.Entry<String, ContextEntry> e : index.subtree(top).entrySet()) {
            String relative = top.isEmpty() ? e.getKey() : e.getKey().substring(top.length()).replaceFirst("^/", "");
            ContextEntry entry = e.getValue();
            items.add(switch (entry.type()) {
                case FILE -> new SourceDigest.Item(relative, entry.unixMode(), entry.size(), null, entry.sha256());
                case SYMLINK -> new SourceDigest.Item(relative, entry.unixMode(),
                        entry.linkTarget().getBytes(StandardCharsets.UTF_8).length, entry.linkTarget(), null);
                case DIRECTORY -> new SourceDigest.Item(relative, entry.unixMode(), 0, null, null);
            });
        }
        if (top.isEmpty()) {
            items.addFirst(new SourceDigest.Item("", ContextEntry.IMPLIED_DIRECTORY.unixMode(), 0, null, null));
        }
        return items;
    }

    @Override
    public void materialize(List<ContextSource> sources) throws IOException {
        for (ContextSource source : sources) {
            Optional<String> name = nameOf(source);
            if (name.isPresent()) {
                index.extract(name.get());
                // a glob may match a symlink, and a copy follows it: what it points to must be there too
                Optional<ContextEntry> entry = index.entry(name.get());
                if (entry.isPresent() && entry.get().type() == ContextEntry.Type.SYMLINK) {
                    index.extract(index.resolve(name.get()));
                }
            }
        }
    }

    /** The source's name in the index ({@code ""}: the root), or empty when it is not from the context. */
    private Optional<String> nameOf(ContextSource source) {
        Path tree = index.tree();
        return source.path().startsWith(tree) ? Optional.of(tree.relativize(source.path()).toString()) : Optional.empty();
    }
}

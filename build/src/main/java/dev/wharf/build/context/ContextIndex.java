package dev.wharf.build.context;

import dev.wharf.linux.Syscalls;
import dev.wharf.runtime.ScopedPath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A build context as {@link ContextArchive#spool} keeps it: every file's content in one spool file and an index of
 * the entries by their name in the context (sorted; no name leaves the context, none lies under a symlink or a
 * file). Nothing is unpacked up front: a cached build never writes the context's files, and a COPY/ADD that
 * misses the cache has only its own sources {@link #extract extracted} under {@link #tree()}.
 */
public final class ContextIndex {
    private final Path content;
    private final Path tree;
    private final TreeMap<String, ContextEntry> entries;
    private final Set<String> extracted = new HashSet<>();

    ContextIndex(Path content, Path tree, TreeMap<String, ContextEntry> entries) {
        this.content = content;
        this.tree = tree;
        this.entries = entries;
    }

    /** Where extracted files are written: the context's root directory on disk. */
    public Path tree() {
        return tree;
    }

    public Optional<ContextEntry> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** Every entry's name, sorted. */
    List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** The entry {@code name} and everything under it, sorted; {@code ""} is the root (everything). */
    NavigableMap<String, ContextEntry> subtree(String name) {
        if (name.isEmpty()) {
            return entries;
        }
        TreeMap<String, ContextEntry> result = new TreeMap<>(entries.subMap(name + "/", name + "0"));
        ContextEntry self = entries.get(name);
        if (self != null) {
            result.put(name, self);
        }
        return result;
    }

    boolean hasChildren(String name) {
        return hasChildren(entries, name);
    }

    static boolean hasChildren(NavigableMap<String, ContextEntry> entries, String name) {
        String from = name + "/";
        String next = entries.ceilingKey(from);
        return next != null && next.startsWith(from);
    }

    void remove(String name) {
        entries.remove(name);
    }

    /** The content of a regular file of the context (not through a symlink). */
    public Optional<String> readString(String name) throws IOException {
        ContextEntry entry = entries.get(name);
        if (entry == null || entry.type() != ContextEntry.Type.FILE) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(entry.size()));
        try (FileChannel in = FileChannel.open(content, StandardOpenOption.READ)) {
            while (bytes.hasRemaining() && in.read(bytes, entry.offset() + bytes.position()) > 0) {
                // read until the entry is complete
            }
        }
        return Optional.of(new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8));
    }

    /**
     * The name a path reaches inside the context, symlinks followed as in the context's own tree (an absolute
     * target restarts at the root, {@code ..} stops at it), with {@link ScopedPath}'s rules; {@code ""}
     * is the root. The result may not exist.
     */
    String resolve(String path) throws IOException {
        return ScopedPath.resolveName(path, name -> {
            ContextEntry entry = entries.get(name);
            return entry != null && entry.type() == ContextEntry.Type.SYMLINK ? entry.linkTarget() : null;
        });
    }

    /**
     * Writes the entry {@code name} (the root for {@code ""}), everything under it and its parent directories
     * under {@link #tree()}, with their modes and mtimes; what an earlier call wrote is not written again (stages that
     * build at the same time may extract at the same time: one at a time).
     * Every parent is a directory this index created, so nothing can be written outside the tree.
     */
    synchronized void extract(String name) throws IOException {
        Files.createDirectories(tree);
        List<String> directories = new ArrayList<>();
        for (String parent = parentOf(name); !parent.isEmpty(); parent = parentOf(parent)) {
            directories.add(parent);
        }
        try (FileChannel in = FileChannel.open(content, StandardOpenOption.READ)) {
            for (String parent : directories.reversed()) {
                write(parent, entries.get(parent), in);
            }
            for (Map.Entry<String, ContextEntry> e : subtree(name).entrySet()) {
                write(e.getKey(), e.getValue(), in);
                if (e.getValue().isDirectory()) {
                    directories.add(e.getKey());
                }
            }
        }
        // Directory times last (deepest first): writing their children changed them.
        directories.sort(Comparator.reverseOrder());
        for (String dir : directories) {
            ContextEntry entry = entries.get(dir);
            if (entry != null && entry.mtime() != null) {
                Syscalls.setTimes(tree.resolve(dir), entry.mtime());
            }
        }
    }

    private void write(String name, ContextEntry entry, FileChannel in) throws IOException {
        if (entry == null || !extracted.add(name)) {
            return;
        }
        Path target = tree.resolve(name);
        switch (entry.type()) {
            case DIRECTORY -> Files.createDirectory(target);
            case SYMLINK -> Files.createSymbolicLink(target, Path.of(entry.linkTarget()));
            case FILE -> {
                try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    for (long done = 0, n; done < entry.size(); done += n) {
                        if ((n = in.transferTo(entry.offset() + done, entry.size() - done, out)) <= 0) {
                            throw new IOException("the context's spool file ends inside " + name);
                        }
                    }
                }
            }
        }
        if (entry.type() != ContextEntry.Type.SYMLINK) {
            Syscalls.chmod(target, entry.mode());
        }
        if (entry.mtime() != null) {
            Syscalls.setTimes(target, entry.mtime());
        }
    }

    static String parentOf(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }
}

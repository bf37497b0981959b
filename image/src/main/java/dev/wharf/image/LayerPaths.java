package dev.wharf.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps tar entry names to paths under a root without ever leaving it: names are split into
 * components, {@code ..} and absolute names are refused, and every existing parent is inspected
 * without following links, so a symlink planted by an earlier entry cannot redirect a later one.
 */
final class LayerPaths {
    private final Path root;
    private final ExtractOptions.ParentResolver parents;

    LayerPaths(Path root, ExtractOptions.ParentResolver parents) {
        this.root = root;
        this.parents = parents;
    }

    /** The components of a tar name ("./a//b/" → [a, b]); empty for the root itself. */
    static List<String> components(String name) throws LayerException {
        if (name.startsWith("/")) {
            throw new LayerException("refusing layer entry " + name + ": absolute path");
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new LayerException("refusing layer entry " + name + ": path escapes the layer root");
            }
            if (part.indexOf('\0') >= 0) {
                throw new LayerException("refusing layer entry " + name + ": NUL in name");
            }
            parts.add(part);
        }
        return parts;
    }

    /** The entry's path, creating missing parent directories; refuses a parent that is a symlink or not a directory. */
    Path prepare(String name, List<String> parts) throws IOException {
        Path current = root;
        for (int i = 0; i < parts.size() - 1; i++) {
            current = current.resolve(parts.get(i));
            BasicFileAttributes attrs = attributes(current);
            if (attrs != null && attrs.isSymbolicLink() && parents != null) {
                current = parents.resolve(current);
                attrs = attributes(current);
            }
            if (attrs == null) {
                Files.createDirectory(current);
            } else if (attrs.isSymbolicLink()) {
                throw new LayerException("refusing layer entry " + name + ": parent "
                        + root.relativize(current) + " is a symbolic link");
            } else if (!attrs.isDirectory()) {
                throw new LayerException("refusing layer entry " + name + ": parent "
                        + root.relativize(current) + " is not a directory");
            }
        }
        return parts.isEmpty() ? root : current.resolve(parts.getLast());
    }

    /** An existing path inside the root reached without following any symlink on the way; for hardlink targets. */
    Path existing(String entryName, String target) throws IOException {
        List<String> parts;
        try {
            parts = components(target);
        } catch (LayerException e) {
            throw new LayerException("refusing layer entry " + entryName + ": hardlink target " + target
                    + " is outside the layer root");
        }
        if (parts.isEmpty()) {
            throw new LayerException("refusing layer entry " + entryName + ": hardlink to the layer root");
        }
        Path current = root;
        for (int i = 0; i < parts.size(); i++) {
            current = current.resolve(parts.get(i));
            BasicFileAttributes attrs = attributes(current);
            boolean last = i == parts.size() - 1;
            if (attrs == null) {
                throw new LayerException("refusing layer entry " + entryName + ": hardlink target " + target
                        + " does not exist");
            }
            if (!last && attrs.isSymbolicLink()) {
                throw new LayerException("refusing layer entry " + entryName + ": hardlink target " + target
                        + " passes through a symbolic link");
            }
            if (last && attrs.isDirectory()) {
                throw new LayerException("refusing layer entry " + entryName + ": hardlink to directory " + target);
            }
        }
        return current;
    }

    /** The path's own attributes (a symlink is not followed), or null when nothing is there. */
    static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Removes whatever is at the path, recursively for a directory, never following symlinks. */
    static void removeAll(Path path) throws IOException {
        BasicFileAttributes attrs = attributes(path);
        if (attrs == null) {
            return;
        }
        if (attrs.isDirectory()) {
            try (var children = Files.list(path)) {
                for (Path child : children.toList()) {
                    removeAll(child);
                }
            }
        }
        Files.delete(path);
    }
}

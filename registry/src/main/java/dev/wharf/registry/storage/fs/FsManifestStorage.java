package dev.wharf.registry.storage.fs;

import dev.wharf.image.Digest;
import dev.wharf.registry.storage.ManifestStorage;
import dev.wharf.registry.storage.RepositoryName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Per repository {@code <root>/<name>/}: {@code _layers/<alg>/<hex>} (empty link files),
 * {@code _manifests/revisions/<alg>/<hex>} (the media type), {@code _manifests/tags/<tag>} (the digest),
 * {@code _manifests/referrers/<alg>/<subject hex>/<referrer digest>}. Name components never start with
 * an underscore, so these directories cannot collide with a nested repository.
 */
final class FsManifestStorage implements ManifestStorage {
    private final Path root;
    private final SmallFiles files;

    FsManifestStorage(Path root, SmallFiles files) throws IOException {
        this.root = root;
        this.files = files;
        Files.createDirectories(root);
    }

    @Override
    public boolean hasBlob(RepositoryName repository, Digest digest) {
        return Files.exists(layer(repository, digest)) || Files.exists(revision(repository, digest));
    }

    @Override
    public void linkBlob(RepositoryName repository, Digest digest) throws IOException {
        Path link = layer(repository, digest);
        if (!Files.exists(link)) {
            files.write(link, new byte[0]);
        }
    }

    @Override
    public boolean unlinkBlob(RepositoryName repository, Digest digest) throws IOException {
        return Files.deleteIfExists(layer(repository, digest));
    }

    @Override
    public void putManifest(RepositoryName repository, Digest digest, String mediaType, Digest subject)
            throws IOException {
        files.write(revision(repository, digest), mediaType);
        if (subject != null) {
            files.write(referrer(repository, subject, digest), new byte[0]);
        }
    }

    @Override
    public Optional<String> manifestMediaType(RepositoryName repository, Digest digest) throws IOException {
        return files.read(revision(repository, digest));
    }

    @Override
    public boolean deleteManifest(RepositoryName repository, Digest digest, Digest subject) throws IOException {
        if (!Files.deleteIfExists(revision(repository, digest))) {
            return false;
        }
        Path tags = manifestDir(repository).resolve("tags");
        for (String tag : SmallFiles.names(tags)) {
            if (files.read(tags.resolve(tag)).map(digest.toString()::equals).orElse(false)) {
                Files.deleteIfExists(tags.resolve(tag));
            }
        }
        if (subject != null) {
            Files.deleteIfExists(referrer(repository, subject, digest));
        }
        return true;
    }

    @Override
    public void tag(RepositoryName repository, String tag, Digest digest) throws IOException {
        files.write(manifestDir(repository).resolve("tags").resolve(tag), digest.toString());
    }

    @Override
    public Optional<Digest> resolveTag(RepositoryName repository, String tag) throws IOException {
        return files.read(manifestDir(repository).resolve("tags").resolve(tag)).map(Digest::parse);
    }

    @Override
    public boolean deleteTag(RepositoryName repository, String tag) throws IOException {
        return Files.deleteIfExists(manifestDir(repository).resolve("tags").resolve(tag));
    }

    @Override
    public Optional<List<String>> tags(RepositoryName repository) throws IOException {
        if (!Files.isDirectory(directory(repository))) {
            return Optional.empty();
        }
        return Optional.of(SmallFiles.names(manifestDir(repository).resolve("tags")));
    }

    @Override
    public List<Digest> manifests(RepositoryName repository) throws IOException {
        return digestsUnder(manifestDir(repository).resolve("revisions"));
    }

    @Override
    public List<Digest> referrers(RepositoryName repository, Digest subject) throws IOException {
        List<Digest> digests = new ArrayList<>();
        for (String name : SmallFiles.names(referrerDir(repository, subject))) {
            if (Digest.isValid(name)) {
                digests.add(Digest.parse(name));
            }
        }
        return digests;
    }

    @Override
    public List<RepositoryName> repositories() throws IOException {
        List<RepositoryName> found = new ArrayList<>();
        collect(root, "", found);
        found.sort((a, b) -> a.value().compareTo(b.value()));
        return found;
    }

    @Override
    public List<Digest> linkedBlobs(RepositoryName repository) throws IOException {
        return digestsUnder(directory(repository).resolve("_layers"));
    }

    private void collect(Path dir, String prefix, List<RepositoryName> found) throws IOException {
        for (String name : SmallFiles.names(dir)) {
            Path child = dir.resolve(name);
            if (name.startsWith("_") || !Files.isDirectory(child)) {
                continue;
            }
            String repository = prefix.isEmpty() ? name : prefix + "/" + name;
            if (Files.isDirectory(child.resolve("_manifests")) || Files.isDirectory(child.resolve("_layers"))) {
                found.add(new RepositoryName(repository));
            }
            collect(child, repository, found);
        }
    }

    private static List<Digest> digestsUnder(Path dir) throws IOException {
        List<Digest> digests = new ArrayList<>();
        for (String algorithm : SmallFiles.names(dir)) {
            for (String hex : SmallFiles.names(dir.resolve(algorithm))) {
                if (Digest.isValid(algorithm + ":" + hex)) {
                    digests.add(new Digest(algorithm, hex));
                }
            }
        }
        return digests;
    }

    private Path directory(RepositoryName repository) {
        return root.resolve(repository.value()); // the grammar admits no "..", no empty and no absolute part
    }

    private Path manifestDir(RepositoryName repository) {
        return directory(repository).resolve("_manifests");
    }

    private Path layer(RepositoryName repository, Digest digest) {
        return directory(repository).resolve("_layers").resolve(digest.algorithm()).resolve(digest.encoded());
    }

    private Path revision(RepositoryName repository, Digest digest) {
        return manifestDir(repository).resolve("revisions").resolve(digest.algorithm()).resolve(digest.encoded());
    }

    private Path referrerDir(RepositoryName repository, Digest subject) {
        return manifestDir(repository).resolve("referrers").resolve(subject.algorithm()).resolve(subject.encoded());
    }

    private Path referrer(RepositoryName repository, Digest subject, Digest digest) {
        return referrerDir(repository, subject).resolve(digest.toString());
    }
}

package dev.wharf.registry.storage.fs;

import dev.wharf.image.Digest;
import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import dev.wharf.registry.storage.DigestAlgorithms;
import dev.wharf.registry.storage.RepositoryName;
import dev.wharf.registry.storage.UploadState;
import dev.wharf.registry.storage.UploadStorage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Sessions as {@code <root>/<id>/data} (the bytes so far) and {@code <root>/<id>/repository}. The running
 * sha256 of each session is kept in memory; after a restart it is recomputed from the data file on the
 * next append or commit, so a session outlives the process at the cost of one re-read.
 */
final class FsUploadStorage implements UploadStorage {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int BUFFER = 1 << 20;

    private final Path root;
    private final FsBlobStorage blobs;
    private final Map<String, Session> open = new ConcurrentHashMap<>();

    FsUploadStorage(Path root, FsBlobStorage blobs) throws IOException {
        this.root = root;
        this.blobs = blobs;
        Files.createDirectories(root);
    }

    @Override
    public UploadState start(RepositoryName repository) throws IOException {
        String id = UUID.randomUUID().toString();
        Path dir = root.resolve(id);
        Files.createDirectory(dir);
        Files.createFile(dir.resolve("data"));
        Files.writeString(dir.resolve("repository"), repository.value(), StandardCharsets.UTF_8);
        return state(repository, id);
    }

    @Override
    public UploadState status(RepositoryName repository, String id) throws IOException {
        requireSession(repository, id);
        Session session = open.get(id);
        if (session == null) {
            return state(repository, id);
        }
        // An append in progress (e.g. a PATCH whose client just died) finishes first: a client that asks
        // where to resume must hear about every byte that will have been kept.
        session.lock.lock();
        try {
            return state(repository, id);
        } finally {
            session.lock.unlock();
        }
    }

    @Override
    public UploadState append(RepositoryName repository, String id, long offset, ReadableByteChannel body, long limit)
            throws IOException {
        Session session = session(repository, id);
        session.lock.lock();
        try (FileChannel data = FileChannel.open(data(id), StandardOpenOption.WRITE)) {
            long size = data.size();
            if (offset >= 0 && offset != size) {
                throw new RegistryException(ErrorCode.RANGE_INVALID,
                        "chunk starts at " + offset + " but the upload has " + size + " bytes", size);
            }
            session.catchUp(data(id), size);
            data.position(size);
            // Two buffers: one fills from the body while the other, written, is still being hashed.
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
            ByteBuffer spare = ByteBuffer.allocateDirect(BUFFER);
            long received = 0;
            try {
                int n;
                while ((n = body.read(buffer)) >= 0) {
                    received += n;
                    if (received > limit) {
                        throw new RegistryException(ErrorCode.TOO_LARGE, "upload exceeds the limit of " + limit + " bytes");
                    }
                    if (!buffer.hasRemaining()) {
                        session.writeAndHashBehind(data, buffer);
                        ByteBuffer written = buffer;
                        buffer = spare.clear(); // its hash finished before the one of `written` began
                        spare = written;
                    }
                }
            } finally {
                session.writeAndHashBehind(data, buffer); // what arrived before a dropped connection stays, to resume from
                session.awaitHash();
            }
            return state(repository, id);
        } finally {
            session.lock.unlock();
        }
    }

    @Override
    public void commit(RepositoryName repository, String id, Digest digest) throws IOException {
        Session session = session(repository, id);
        session.lock.lock();
        try {
            Path data = data(id);
            long size = Files.size(data);
            Digest actual = session.digest(data, size, digest.algorithm());
            if (!actual.equals(digest)) {
                throw new RegistryException(ErrorCode.DIGEST_INVALID,
                        "provided digest " + digest + " did not match uploaded content " + actual);
            }
            try (FileChannel channel = FileChannel.open(data, StandardOpenOption.WRITE)) {
                channel.force(false); // the blob must be whole on disk before its name says it is
            }
            blobs.adopt(data, digest);
            remove(id);
        } finally {
            session.lock.unlock();
        }
    }

    @Override
    public void cancel(RepositoryName repository, String id) throws IOException {
        Session session = session(repository, id);
        session.lock.lock();
        try {
            remove(id);
        } finally {
            session.lock.unlock();
        }
    }

    @Override
    public List<UploadState> list() throws IOException {
        List<UploadState> sessions = new ArrayList<>();
        for (String id : SmallFiles.names(root)) {
            try {
                RepositoryName repository = new RepositoryName(Files.readString(root.resolve(id).resolve("repository")));
                sessions.add(state(repository, id));
            } catch (NoSuchFileException | RegistryException e) {
                // being created or removed, or not a session
            }
        }
        return sessions;
    }

    private UploadState state(RepositoryName repository, String id) throws IOException {
        Path data = data(id);
        return new UploadState(id, repository, Files.size(data), Files.getLastModifiedTime(data).toInstant());
    }

    private Session session(RepositoryName repository, String id) throws IOException {
        requireSession(repository, id);
        return open.computeIfAbsent(id, unused -> new Session());
    }

    private void requireSession(RepositoryName repository, String id) throws IOException {
        RegistryException unknown = new RegistryException(ErrorCode.BLOB_UPLOAD_UNKNOWN,
                "blob upload unknown to registry: " + id);
        if (id == null || !ID.matcher(id).matches()) {
            throw unknown;
        }
        try {
            if (!Files.readString(root.resolve(id).resolve("repository")).equals(repository.value())) {
                throw unknown;
            }
        } catch (NoSuchFileException e) {
            throw unknown;
        }
    }

    private void remove(String id) throws IOException {
        Path dir = root.resolve(id);
        Files.deleteIfExists(dir.resolve("repository")); // first: a half-removed session is no session
        Files.deleteIfExists(dir.resolve("data"));
        Files.deleteIfExists(dir);
        open.remove(id);
    }

    private Path data(String id) {
        return root.resolve(id).resolve("data");
    }

    /** The in-memory half of a session: its lock and the hash of the bytes written so far. */
    private static final class Session {
        final ReentrantLock lock = new ReentrantLock();
        private MessageDigest sha256 = Digest.newSha256();
        private long hashed;
        private Thread hashingBehind;

        /** After a restart (or a write that failed midway) the hash is behind the file: re-read the file. */
        void catchUp(Path data, long size) throws IOException {
            awaitHash();
            if (hashed == size) {
                return;
            }
            sha256 = Digest.newSha256();
            hashFile(data, size, sha256);
            hashed = size;
        }

        /**
         * Writes the buffer's bytes, then hashes them on a virtual thread of its own while the caller receives
         * the next buffer: hashing and receiving, the two slowest steps of an upload, overlap. One buffer is
         * hashed at a time, in order; the caller must not refill this one before the next call returns.
         */
        void writeAndHashBehind(FileChannel data, ByteBuffer buffer) throws IOException {
            buffer.flip();
            ByteBuffer hashing = buffer.duplicate();
            while (buffer.hasRemaining()) {
                data.write(buffer);
            }
            awaitHash();
            if (hashing.remaining() < BUFFER) { // the last piece: not worth a thread
                hash(hashing);
            } else {
                hashingBehind = Thread.ofVirtual().start(() -> hash(hashing));
            }
        }

        /** Waits for the buffer being hashed, so that {@code hashed} counts every byte written. */
        void awaitHash() {
            if (hashingBehind != null) {
                try {
                    hashingBehind.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while hashing an upload", e);
                }
                hashingBehind = null;
            }
        }

        private void hash(ByteBuffer bytes) {
            int length = bytes.remaining();
            sha256.update(bytes);
            hashed += length;
        }

        Digest digest(Path data, long size, String algorithm) throws IOException {
            if (algorithm.equals(Digest.SHA256)) {
                catchUp(data, size);
                try {
                    return Digest.sha256((MessageDigest) sha256.clone());
                } catch (CloneNotSupportedException e) {
                    throw new IllegalStateException(e);
                }
            }
            MessageDigest other = DigestAlgorithms.newDigest(algorithm);
            hashFile(data, size, other);
            return DigestAlgorithms.finish(algorithm, other);
        }

        private static void hashFile(Path data, long size, MessageDigest hash) throws IOException {
            try (FileChannel channel = FileChannel.open(data, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
                long done = 0;
                while (done < size && channel.read(buffer) > 0) {
                    buffer.flip();
                    buffer.limit((int) Math.min(buffer.limit(), size - done));
                    done += buffer.remaining();
                    hash.update(buffer);
                    buffer.clear();
                }
            }
        }
    }
}

package dev.wharf.registry.storage;

import dev.wharf.image.Digest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The JDK hash for each digest algorithm the spec registers (sha256, sha512). */
public final class DigestAlgorithms {
    private DigestAlgorithms() {}

    public static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(switch (algorithm) {
                case Digest.SHA256 -> "SHA-256";
                case Digest.SHA512 -> "SHA-512";
                default -> throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm);
            });
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Digest of(String algorithm, byte[] content) {
        return new Digest(algorithm, HexFormat.of().formatHex(newDigest(algorithm).digest(content)));
    }

    public static Digest finish(String algorithm, MessageDigest hash) {
        return new Digest(algorithm, HexFormat.of().formatHex(hash.digest()));
    }
}

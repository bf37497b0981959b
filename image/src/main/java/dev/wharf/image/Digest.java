package dev.wharf.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.wharf.linux.NativeSha256;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A content digest such as {@code sha256:<64 hex>}; serialised to JSON as that plain string.
 * Only the algorithms the OCI spec registers (sha256, sha512) are accepted, with lowercase hex.
 */
public record Digest(String algorithm, String encoded) {
    public static final String SHA256 = "sha256";
    public static final String SHA512 = "sha512";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA512_HEX = Pattern.compile("[0-9a-f]{128}");

    public Digest {
        Pattern hex = switch (algorithm) {
            case SHA256 -> SHA256_HEX;
            case SHA512 -> SHA512_HEX;
            case null, default -> throw new IllegalArgumentException("unsupported digest algorithm: " + algorithm);
        };
        if (encoded == null || !hex.matcher(encoded).matches()) {
            throw new IllegalArgumentException("invalid checksum digest format: " + algorithm + ":" + encoded);
        }
    }

    /** Parses {@code algorithm:hex}; throws IllegalArgumentException on anything else. */
    @JsonCreator
    public static Digest parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("invalid checksum digest format: " + text);
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    /** Whether {@code text} is a well-formed digest. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static Digest sha256(byte[] content) {
        return new Digest(SHA256, HexFormat.of().formatHex(newSha256().digest(content)));
    }

    /** The hash of a finished {@link MessageDigest} computed with {@link #newSha256()}. */
    public static Digest sha256(MessageDigest finished) {
        return new Digest(SHA256, HexFormat.of().formatHex(finished.digest()));
    }

    /** libcrypto's SHA-256 where it is installed ({@link NativeSha256}), else the JDK's. */
    public static MessageDigest newSha256() {
        Optional<MessageDigest> nativeDigest = NativeSha256.create();
        if (nativeDigest.isPresent()) {
            return nativeDigest.get();
        }
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first 12 hex characters, as {@code docker images} shows IDs. */
    public String shortId() {
        return encoded.substring(0, 12);
    }

    @JsonValue
    @Override
    public String toString() {
        return algorithm + ":" + encoded;
    }
}

package dev.wharf.registry.api;

import dev.wharf.image.Digest;
import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;

/** Parsing of the digests clients put in paths and queries: malformed is DIGEST_INVALID (400), never a 500. */
final class References {
    private References() {}

    static Digest digest(String text) {
        if (text == null) {
            throw new RegistryException(ErrorCode.DIGEST_INVALID, "digest missing");
        }
        try {
            return Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(ErrorCode.DIGEST_INVALID, "invalid digest: " + text);
        }
    }

    /** A manifest reference is a digest when it has an algorithm prefix, else a tag. */
    static boolean isDigest(String reference) {
        return reference.indexOf(':') >= 0;
    }
}

package dev.wharf.registry.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An Apache htpasswd file of bcrypt entries ({@code user:$2y$...}, as {@code htpasswd -B} writes them).
 * Other hash kinds (MD5, SHA1, crypt) are weak and, as in distribution, refused when the file is read.
 */
public final class Htpasswd {
    private final Map<String, byte[]> hashes;

    private Htpasswd(Map<String, byte[]> hashes) {
        this.hashes = hashes;
    }

    public static Htpasswd load(Path file) throws IOException {
        Map<String, byte[]> hashes = new HashMap<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int colon = entry.indexOf(':');
            String hash = colon < 0 ? "" : entry.substring(colon + 1);
            if (colon <= 0 || !(hash.startsWith("$2y$") || hash.startsWith("$2a$") || hash.startsWith("$2b$"))) {
                throw new IOException(file + ":" + number + ": not a bcrypt entry (create it with htpasswd -B)");
            }
            hashes.put(entry.substring(0, colon), hash.getBytes(StandardCharsets.US_ASCII));
        }
        return new Htpasswd(hashes);
    }

    public boolean verify(String user, String password) {
        byte[] hash = hashes.get(user);
        // An unknown user still costs one bcrypt round, so timing does not tell which users exist.
        byte[] checked = hash != null ? hash : DUMMY;
        boolean matches = BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), checked).verified;
        return hash != null && matches;
    }

    private static final byte[] DUMMY = BCrypt.withDefaults().hash(10, "wharf-no-such-user".getBytes(StandardCharsets.UTF_8));
}

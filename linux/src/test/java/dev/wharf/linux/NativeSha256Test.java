package dev.wharf.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NativeSha256Test {
    private static MessageDigest nativeDigest() {
        return NativeSha256.create().orElseThrow(() -> new AssertionError("libcrypto.so.3 is installed on the test machines"));
    }

    @Test
    void agreesWithTheJdkOnPiecesOfEverySize() throws Exception {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        MessageDigest ours = nativeDigest();
        int offset = 0;
        for (int size : new int[] {0, 1, 63, 64, 65, 1000, 65_536, 100_000}) {
            jdk.update(data, offset, size);
            ours.update(data, offset, size);
            offset += size;
        }
        jdk.update(data[offset]);
        ours.update(data[offset]);
        assertThat(ours.digest()).isEqualTo(jdk.digest());
        assertThat(ours.digest()).as("digest() resets").isEqualTo(MessageDigest.getInstance("SHA-256").digest());
    }

    @Test
    void hashesDirectAndHeapBuffersWhereTheyLie() throws Exception {
        byte[] data = new byte[(1 << 20) + 77];
        new Random(9).nextBytes(data);
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).flip().position(5);
        MessageDigest ours = nativeDigest();
        ours.update(direct);
        ours.update(ByteBuffer.wrap(data, 0, 5000));
        assertThat(direct.hasRemaining()).isFalse();
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        jdk.update(data, 5, data.length - 5);
        jdk.update(data, 0, 5000);
        assertThat(ours.digest()).isEqualTo(jdk.digest());
    }

    @Test
    void aCloneContinuesOnItsOwn() throws Exception {
        MessageDigest ours = nativeDigest();
        ours.update("abc".getBytes());
        MessageDigest copy = (MessageDigest) ours.clone();
        copy.update("def".getBytes());
        assertThat(ours.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest("abc".getBytes()));
        assertThat(copy.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest("abcdef".getBytes()));
    }
}

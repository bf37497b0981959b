package dev.wharf.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenSslSha256Test {
    private final byte[] data = new byte[(1 << 20) + 12345];

    @BeforeEach
    void setUp() {
        assumeTrue(OpenSslSha256.isAvailable(), "libcrypto.so.3 is not installed");
        new Random(7).nextBytes(data);
    }

    @Test
    void matchesTheJdkForHeapArraysDirectBuffersAndSingleBytes() throws Exception {
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        OpenSslSha256 native256 = new OpenSslSha256();
        jdk.update(data, 3, 200_000);
        native256.update(data, 3, 200_000);
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).flip().position(17);
        jdk.update(direct.duplicate());
        native256.update(direct);
        assertThat(direct.hasRemaining()).isFalse();
        jdk.update((byte) 42);
        native256.update((byte) 42);
        jdk.update(ByteBuffer.wrap(data, 5, 1000));
        native256.update(ByteBuffer.wrap(data, 5, 1000));
        assertThat(native256.digest()).isEqualTo(jdk.digest());
    }

    @Test
    void aCloneContinuesIndependentlyAndDigestResets() throws Exception {
        OpenSslSha256 original = new OpenSslSha256();
        original.update(data, 0, 1000);
        MessageDigest copy = (MessageDigest) original.clone();
        original.update(data, 1000, 1000);
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        expected.update(data, 0, 1000);
        assertThat(copy.digest()).isEqualTo(expected.digest());
        expected.update(data, 0, 2000);
        assertThat(original.digest()).isEqualTo(expected.digest());
        assertThat(original.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest());
    }
}

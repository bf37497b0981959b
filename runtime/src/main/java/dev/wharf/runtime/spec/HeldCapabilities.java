package dev.wharf.runtime.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The capabilities this daemon may hand out: its own bounding set. "All capabilities" must stop
 * there, or runc fails with EPERM where the daemon itself runs with a reduced set (a sandbox, a
 * container).
 */
final class HeldCapabilities {
    private HeldCapabilities() {}

    /** {@code byNumber} (index = capability number) narrowed to the bounding set of this process. */
    static List<String> bounding(List<String> byNumber) {
        BigInteger mask = boundingMask();
        return IntStream.range(0, byNumber.size()).filter(mask::testBit).mapToObj(byNumber::get).toList();
    }

    private static BigInteger boundingMask() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("CapBnd:"))
                    .map(line -> new BigInteger(line.substring("CapBnd:".length()).strip(), 16))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no CapBnd in /proc/self/status"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

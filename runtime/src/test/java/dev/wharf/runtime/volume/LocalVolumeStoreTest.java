package dev.wharf.runtime.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

class LocalVolumeStoreTest extends VolumeStoreContract {
    @Override
    protected VolumeStore newStore(Path root) throws IOException {
        return LocalVolumeStore.open(root);
    }

    @Test
    void anInterruptedCreationIsSweptAtOpen() throws IOException {
        Files.createDirectories(root.resolve(".creating-x/_data"));
        newStore(root);
        try (var entries = Files.list(root)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    @EnabledIf("isRoot")
    void aTmpfsVolumeIsMountedOnDemandAndUnmountedBeforeRemoval() throws IOException {
        VolumeRecord volume = store.create("ram", null, Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=1m"));
        Path data = store.mount(volume);
        assertThat(mountPoint(data)).isTrue();
        assertThat(store.mount(volume)).isEqualTo(data); // mounted once only
        store.remove("ram");
        assertThat(mountPoint(data)).isFalse();
        assertThat(root.resolve("ram")).doesNotExist();
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean mountPoint(Path path) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .anyMatch(line -> line.split(" ")[4].equals(path.toString()));
    }
}

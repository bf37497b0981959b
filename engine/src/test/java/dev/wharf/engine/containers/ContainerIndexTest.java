package dev.wharf.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.types.ContainerConfig;
import dev.wharf.api.types.HostConfig;
import dev.wharf.engine.errors.ConflictException;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.NotFoundException;
import dev.wharf.image.Digest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerIndexTest {
    private final ContainerIndex index = new ContainerIndex();
    private final Container first = container("abc1" + "0".repeat(60), "first");
    private final Container second = container("abc2" + "0".repeat(60), "second");

    ContainerIndexTest() {
        index.add(first);
        index.add(second);
    }

    @Test
    void findsByIdNameAndUniquePrefix() {
        assertThat(index.get(first.id())).isSameAs(first);
        assertThat(index.get("second")).isSameAs(second);
        assertThat(index.get("/second")).isSameAs(second);
        assertThat(index.get("abc1")).isSameAs(first);
    }

    @Test
    void missingAndAmbiguousReferences() {
        assertThatThrownBy(() -> index.get("nope")).isInstanceOf(NotFoundException.class)
                .hasMessage("No such container: nope");
        assertThatThrownBy(() -> index.get("abc")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Multiple IDs found with provided prefix: abc");
    }

    @Test
    void aTakenNameIsDockersConflict() {
        assertThatThrownBy(() -> index.add(container("def" + "0".repeat(61), "first")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Conflict. The container name \"/first\" is already in use by container \"" + first.id()
                        + "\". You have to remove (or rename) that container to be able to reuse that name.");
    }

    @Test
    void removalFreesTheName() {
        index.remove(first);
        assertThat(index.nameTaken("first")).isFalse();
        assertThat(index.find(first.id())).isEmpty();
    }

    private static Container container(String id, String name) {
        return new Container(new ContainerRecord(id, name, "2026-12-01T09:00:00Z", Digest.sha256(new byte[0]), List.of(),
                "true", List.of(), ContainerConfig.builder().build(), HostConfig.builder().build(), RunState.CREATED));
    }
}

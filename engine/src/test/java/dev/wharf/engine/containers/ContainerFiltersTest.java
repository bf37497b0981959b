package dev.wharf.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.types.ContainerConfig;
import dev.wharf.api.types.HostConfig;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.filters.Filters;
import dev.wharf.image.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerFiltersTest {
    private static final Digest IMAGE = Digest.sha256(new byte[] {1});
    private static final Digest OTHER = Digest.sha256(new byte[] {2});

    private final ContainerRecord running = record("aaaa1111", "web", Map.of("tier", "front"), IMAGE,
            RunState.CREATED.started(7, Instant.parse("2026-12-01T10:00:00Z")), "2026-12-01T09:00:00Z");
    private final ContainerRecord exited = record("bbbb2222", "job", Map.of("tier", "back", "x", "1"), OTHER,
            RunState.CREATED.started(8, Instant.parse("2026-12-01T10:00:00Z"))
                    .exited(3, false, Instant.parse("2026-12-01T10:01:00Z")), "2026-12-01T09:30:00Z");

    @Test
    void statusInBothJsonForms() {
        assertThat(select("{\"status\":{\"exited\":true}}")).containsExactly(exited);
        assertThat(select("{\"status\":[\"running\"]}")).containsExactly(running);
        assertThat(filters("{\"status\":[\"running\"]}").impliesAll()).isTrue();
    }

    @Test
    void labelsMustAllMatch() {
        assertThat(select("{\"label\":{\"tier=back\":true,\"x\":true}}")).containsExactly(exited);
        assertThat(select("{\"label\":[\"tier\"]}")).containsExactly(running, exited);
        assertThat(select("{\"label\":[\"tier=front\",\"x\"]}")).isEmpty();
    }

    @Test
    void nameAndIdAreSearchedAsPatterns() {
        assertThat(select("{\"name\":[\"we\"]}")).containsExactly(running);
        assertThat(select("{\"name\":[\"^/job$\"]}")).containsExactly(exited);
        assertThat(select("{\"id\":[\"bbbb\"]}")).containsExactly(exited);
    }

    @Test
    void ancestorMatchesTheImageId() {
        assertThat(select("{\"ancestor\":[\"busybox\"]}")).containsExactly(running);
        assertThat(select("{\"ancestor\":[\"unknown\"]}")).isEmpty();
    }

    @Test
    void healthMatchesTheStatusAndNoneMeansNoHealthcheck() {
        ContainerRecord probed = running.withState(running.state().withHealth(
                new dev.wharf.api.types.Health("unhealthy", 3, List.of())));
        var predicate = filters("{\"health\":[\"unhealthy\"]}");
        assertThat(predicate.test(probed)).isTrue();
        assertThat(predicate.test(running)).isFalse();
        assertThat(filters("{\"health\":[\"none\"]}").test(running)).isTrue();
        assertThatThrownBy(() -> filters("{\"health\":[\"sickly\"]}")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Unrecognised filter value for health: sickly");
    }

    @Test
    void exitedMatchesStoppedContainersByCode() {
        assertThat(select("{\"exited\":[\"3\"]}")).containsExactly(exited);
        assertThat(select("{\"exited\":[\"0\"]}")).isEmpty();
    }

    @Test
    void beforeAndSinceCompareCreationTimes() {
        assertThat(select("{\"since\":[\"web\"]}")).containsExactly(exited);
        assertThat(select("{\"before\":[\"job\"]}")).containsExactly(running);
    }

    @Test
    void unknownKeysAndStatesAreRejected() {
        assertThatThrownBy(() -> filters("{\"colour\":[\"red\"]}"))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("invalid filter 'colour'");
        assertThatThrownBy(() -> filters("{\"status\":[\"sleepy\"]}"))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("invalid filter 'status=sleepy'");
    }

    private List<ContainerRecord> select(String json) {
        return List.of(running, exited).stream().filter(filters(json)).toList();
    }

    private ContainerFilters filters(String json) {
        return new ContainerFilters(Filters.parse(json),
                ref -> ref.equals("busybox") ? Optional.of(IMAGE) : Optional.empty(),
                ref -> ref.equals("web") ? running : exited);
    }

    private static ContainerRecord record(String idPrefix, String name, Map<String, String> labels, Digest image,
            RunState state, String created) {
        String id = (idPrefix + "0".repeat(64)).substring(0, 64);
        var config = ContainerConfig.builder().image("busybox").labels(labels).cmd(List.of("true")).build();
        return new ContainerRecord(id, name, created, image, List.of(), "true", List.of(), config,
                HostConfig.builder().build(), state);
    }
}

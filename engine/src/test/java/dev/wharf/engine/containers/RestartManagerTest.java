package dev.wharf.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.types.RestartPolicy;
import dev.wharf.engine.errors.InvalidArgumentException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartManagerTest {
    private static final Duration SHORT = Duration.ofSeconds(1);

    @Test
    void backOffDoublesFromAHundredMillisecondsAndResetsAfterALongRun() {
        var manager = new RestartManager();
        var always = new RestartPolicy("always", 0);
        assertThat(manager.shouldRestart(always, 0, false, SHORT, 0)).contains(Duration.ofMillis(100));
        assertThat(manager.shouldRestart(always, 0, false, SHORT, 1)).contains(Duration.ofMillis(200));
        assertThat(manager.shouldRestart(always, 0, false, SHORT, 2)).contains(Duration.ofMillis(400));
        assertThat(manager.shouldRestart(always, 0, false, Duration.ofSeconds(10), 3)).contains(Duration.ofMillis(100));
        for (int i = 0; i < 20; i++) {
            manager.shouldRestart(always, 0, false, SHORT, i);
        }
        assertThat(manager.shouldRestart(always, 0, false, SHORT, 30)).contains(Duration.ofMinutes(1));
    }

    @Test
    void policiesDecideAsDockers() {
        var manager = new RestartManager();
        assertThat(manager.shouldRestart(new RestartPolicy("no", 0), 1, false, SHORT, 0)).isEmpty();
        assertThat(manager.shouldRestart(new RestartPolicy("unless-stopped", 0), 0, true, SHORT, 0)).isEmpty();
        assertThat(manager.shouldRestart(new RestartPolicy("unless-stopped", 0), 0, false, SHORT, 0)).isPresent();
        assertThat(manager.shouldRestart(new RestartPolicy("always", 0), 0, true, SHORT, 0)).isPresent();
        var onFailure = new RestartPolicy("on-failure", 2);
        assertThat(manager.shouldRestart(onFailure, 0, false, SHORT, 0)).isEmpty();
        assertThat(manager.shouldRestart(onFailure, 1, false, SHORT, 1)).isPresent();
        assertThat(manager.shouldRestart(onFailure, 1, false, SHORT, 2)).isEmpty();
        assertThat(manager.shouldRestart(new RestartPolicy("on-failure", 0), 1, false, SHORT, 99)).isPresent();
    }

    @Test
    void aCancelledManagerRestartsNothingUntilReset() {
        var manager = new RestartManager();
        var always = new RestartPolicy("always", 0);
        long ticket = manager.schedule();
        assertThat(manager.isPending(ticket)).isTrue();
        manager.cancel();
        assertThat(manager.isPending(ticket)).isFalse();
        assertThat(manager.shouldRestart(always, 0, false, SHORT, 0)).isEmpty();
        manager.reset();
        assertThat(manager.shouldRestart(always, 0, false, SHORT, 0)).contains(Duration.ofMillis(100));
    }

    @Test
    void validationUsesMobysMessages() {
        assertThatThrownBy(() -> RestartManager.validate(new RestartPolicy("sometimes", 0), false))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure',"
                        + " or 'unless-stopped'");
        assertThatThrownBy(() -> RestartManager.validate(new RestartPolicy("always", 3), false))
                .hasMessage("invalid restart policy: maximum retry count can only be used with 'on-failure'");
        assertThatThrownBy(() -> RestartManager.validate(new RestartPolicy("on-failure", -1), false))
                .hasMessage("invalid restart policy: maximum retry count cannot be negative");
        assertThatThrownBy(() -> RestartManager.validate(new RestartPolicy("always", 0), true))
                .hasMessage("can't create 'AutoRemove' container with restart policy");
        RestartManager.validate(new RestartPolicy("", 0), true);
        RestartManager.validate(new RestartPolicy("on-failure", 5), false);
    }
}

package dev.wharf.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.engine.errors.InvalidArgumentException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerNamesTest {
    @Test
    void validNamesLoseTheirLeadingSlash() {
        assertThat(ContainerNames.validate("web-1.a_b")).isEqualTo("web-1.a_b");
        assertThat(ContainerNames.validate("/web")).isEqualTo("web");
    }

    @Test
    void invalidNamesGetDockersMessage() {
        assertThatThrownBy(() -> ContainerNames.validate("bad name"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Invalid container name (bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        assertThatThrownBy(() -> ContainerNames.validate("a")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> ContainerNames.validate("-x")).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void generatedNamesAreAdjectiveUnderscoreSurnameAndFree() {
        String name = ContainerNames.generate(Set.of()::contains);
        assertThat(name).matches("[a-z]+_[a-z]+");
        assertThat(ContainerNames.validate(name)).isEqualTo(name);
    }

    @Test
    void collisionsEventuallyGetADigit() {
        String name = ContainerNames.generate(candidate -> !candidate.matches(".*\\d"));
        assertThat(name).matches("[a-z]+_[a-z]+\\d");
    }
}

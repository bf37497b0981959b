package dev.wharf.runtime.conmon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuncMessagesTest {
    @Test
    void takesTheLastErrorAndUnquotesIt() {
        String stderr = """
                time="2026-12-01T08:00:00Z" level=warning msg="something minor"
                time="2026-12-01T08:00:00Z" level=error msg="runc create failed: unable to start container process: exec: \\"nope\\": executable file not found in $PATH"
                """;
        assertThat(RuncMessages.clean(stderr))
                .isEqualTo("runc create failed: unable to start container process: exec: \"nope\": executable file not found in $PATH");
    }

    @Test
    void keepsPlainText() {
        assertThat(RuncMessages.clean("  container not running\n")).isEqualTo("container not running");
    }
}

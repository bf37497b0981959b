package dev.wharf.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartErrorsTest {
    @Test
    void missingExecutableIs127WithContainerdsWording() {
        var failure = StartErrors.fromRuntime(
                "runc create failed: unable to start container process: exec: \"nope\": executable file not found in $PATH");

        assertThat(failure.message()).isEqualTo("failed to create task for container: failed to create shim task: "
                + "OCI runtime create failed: runc create failed: unable to start container process: exec: \"nope\": "
                + "executable file not found in $PATH: unknown");
        assertThat(failure.exitCode()).isEqualTo(127);
        assertThat(failure.toException(null).status()).isEqualTo(400);
    }

    @Test
    void permissionDeniedIs126AndOthers128() {
        assertThat(StartErrors.fromRuntime("exec: \"/etc\": permission denied").exitCode()).isEqualTo(126);
        var other = StartErrors.fromDaemon("unable to find user x: no matching entries in passwd file");
        assertThat(other.exitCode()).isEqualTo(128);
        assertThat(other.toException(null).status()).isEqualTo(500);
    }
}

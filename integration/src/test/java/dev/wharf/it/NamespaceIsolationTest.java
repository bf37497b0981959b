package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One test per namespace: the container sees its own world, not the host's. */
class NamespaceIsolationTest extends EndToEndTest {

    @Test
    void pidNamespaceMakesTheCommandPid1AndHidesHostProcesses() {
        String out = wharfOk("run", "--rm", "busybox", "sh", "-c", "echo $$; ps -o pid,comm");
        assertThat(out.lines().findFirst()).contains("1");
        assertThat(out).doesNotContain("java").doesNotContain("conmon");
        // ps header + sh + ps: nothing else lives in the namespace
        assertThat(out.lines().skip(1).count()).isLessThanOrEqualTo(3);
    }

    @Test
    void netNamespaceOfNetworkNoneHasOnlyLoopbackAndItIsUp() {
        String out = wharfOk("run", "--rm", "--network", "none", "busybox", "sh", "-c", "ls /sys/class/net; cat /sys/class/net/lo/operstate; ping -c1 -W1 127.0.0.1 >/dev/null && echo pong");
        assertThat(out.lines().toList()).first().isEqualTo("lo");
        assertThat(out).doesNotContain("eth0").contains("pong");
    }

    @Test
    void ipcNamespaceDiffersFromTheHost() throws Exception {
        String host = Files.readSymbolicLink(Path.of("/proc/self/ns/ipc")).toString();
        String inside = wharfOk("run", "--rm", "busybox", "readlink", "/proc/self/ns/ipc").strip();
        assertThat(inside).startsWith("ipc:[").isNotEqualTo(host);
    }

    @Test
    void utsNamespaceCarriesTheContainersOwnHostname() throws Exception {
        String hostBefore = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        assertThat(wharfOk("run", "--rm", "--hostname", "box-one", "busybox", "hostname").strip()).isEqualTo("box-one");
        assertThat(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip()).isEqualTo(hostBefore);
        String inside = wharfOk("run", "--rm", "busybox", "readlink", "/proc/self/ns/uts").strip();
        assertThat(inside).isNotEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/uts")).toString());
    }

    @Test
    void mountNamespaceShowsTheImageRootNotTheHostFiles() throws Exception {
        Path marker = Files.createTempFile(Path.of("/tmp"), "wharf-host-only-", ".txt");
        try {
            CommandResult result = wharf.run("run", "--rm", "busybox", "ls", marker.toString());
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.stderr()).contains("No such file or directory");
            String root = wharfOk("run", "--rm", "busybox", "sh", "-c", "ls /; readlink /proc/self/ns/mnt");
            assertThat(root).contains("bin").contains("etc").doesNotContain("lost+found");
            assertThat(root).doesNotContain(Files.readSymbolicLink(Path.of("/proc/self/ns/mnt")).toString());
        } finally {
            Files.delete(marker);
        }
    }
}

package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Named, anonymous and bind volumes and tmpfs through both CLIs: persistence across container removal
 * and daemon restarts, copy-up, read-only binds, --volumes-from, rm -v, in-use refusal, prune, and bad
 * input that leaves nothing behind.
 */
class VolumesTest extends EndToEndTest {

    @Test
    void dataSurvivesContainerRemovalAndADaemonRestart() throws Exception {
        assertThat(wharfOk("volume", "create", "--label", "team=a", "keep").strip()).isEqualTo("keep");
        dockerOk("run", "--name", "writer", "-v", "keep:/data", "busybox", "sh", "-c", "echo kept > /data/f");
        dockerOk("rm", "writer");
        daemon.stop();
        daemon.start();
        assertThat(wharfOk("run", "--rm", "-v", "keep:/data", "busybox", "cat", "/data/f")).isEqualTo("kept\n");
        assertThat(dockerOk("volume", "inspect", "-f", "{{.Name}} {{.Driver}} {{.Labels.team}} {{.Mountpoint}}", "keep"))
                .isEqualTo("keep local a " + daemon.dataRoot().resolve("volumes/keep/_data") + "\n");
        assertThat(wharfOk("volume", "ls", "--filter", "name=keep")).isEqualTo("DRIVER    VOLUME NAME\nlocal     keep\n");
        dockerOk("volume", "rm", "keep");
        assertThat(daemon.dataRoot().resolve("volumes/keep")).doesNotExist();
    }

    @Test
    void anEmptyVolumeIsFilledWithTheImageContentUnlessNocopy() {
        assertThat(dockerOk("run", "--rm", "-v", "etc-copy:/etc", "busybox", "cat", "/etc/passwd")).contains("root:x:0:0");
        assertThat(Files.exists(daemon.dataRoot().resolve("volumes/etc-copy/_data/passwd"))).isTrue();
        assertThat(wharfOk("run", "--rm", "--mount", "type=volume,src=etc-nocopy,dst=/etc,volume-nocopy",
                "busybox", "ls", "-A", "/etc")).doesNotContain("passwd");
        // a volume with content is never overwritten
        wharfOk("run", "--rm", "-v", "etc-copy:/etc", "busybox", "sh", "-c", "echo mine > /etc/passwd");
        assertThat(dockerOk("run", "--rm", "-v", "etc-copy:/etc", "busybox", "cat", "/etc/passwd")).isEqualTo("mine\n");
        wharfOk("volume", "rm", "etc-copy", "etc-nocopy");
    }

    @Test
    void anImageVolumeBecomesAnAnonymousVolumeFilledFromTheImage() throws Exception {
        Path tarball = root.resolve("volume-image.tar");
        Files.write(tarball, Tarballs.tar(Tarballs.directory("bin"),
                Tarballs.file("bin/sh", Files.readAllBytes(Path.of("/bin/busybox")), 0755),
                Tarballs.directory("seed"), Tarballs.file("seed/file", "from the image\n")));
        wharfOk("import", "-c", "VOLUME /seed", tarball.toString(), "volume-image:1");
        assertThat(dockerOk("run", "--name", "seeded", "volume-image:1", "sh", "-c", "read l < /seed/file; echo $l"))
                .isEqualTo("from the image\n");
        String volume = dockerOk("inspect", "-f", "{{range .Mounts}}{{.Name}}{{end}}", "seeded").strip();
        assertThat(daemon.dataRoot().resolve("volumes").resolve(volume).resolve("_data/file")).hasContent("from the image");
        wharfOk("rm", "-v", "seeded");
        assertThat(daemon.dataRoot().resolve("volumes").resolve(volume)).doesNotExist();
        wharfOk("rmi", "volume-image:1");
    }

    @Test
    void bindMountsReadWriteAndReadOnly() throws Exception {
        Path host = Files.createDirectories(root.resolve("bind-src"));
        Files.writeString(host.resolve("in"), "from host\n");
        assertThat(dockerOk("run", "--rm", "-v", host + ":/b", "busybox", "sh", "-c", "cat /b/in; echo out > /b/out"))
                .isEqualTo("from host\n");
        assertThat(host.resolve("out")).hasContent("out");

        CommandResult refused = wharf.run("run", "--rm", "-v", host + ":/b:ro", "busybox", "touch", "/b/new");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.stderr()).contains("Read-only file system");
        CommandResult refusedToo = docker.run("run", "--rm", "--mount", "type=bind,src=" + host + ",dst=/b,readonly",
                "busybox", "touch", "/b/new");
        assertThat(refusedToo.stderr()).contains("Read-only file system");
        assertThat(host.resolve("new")).doesNotExist();

        Path missing = root.resolve("created-by-v");
        dockerOk("run", "--rm", "-v", missing + ":/m", "busybox", "true");
        assertThat(missing).isDirectory(); // -v creates a missing source, like Docker
    }

    @Test
    void tmpfsMountsHaveTheirSizeAndLeaveNothingOnDisk() throws Exception {
        assertThat(wharfOk("run", "--rm", "--tmpfs", "/t:size=1m", "busybox", "sh", "-c", "df -k /t | tail -1"))
                .contains("1024");
        String mounts = dockerOk("run", "--rm", "--mount", "type=tmpfs,dst=/t,tmpfs-size=2m,tmpfs-mode=1770",
                "busybox", "grep", " /t ", "/proc/mounts");
        assertThat(mounts).contains("tmpfs /t tmpfs").contains("size=2048k").contains("mode=1770").contains("noexec");
        dockerOk("volume", "create", "-o", "type=tmpfs", "-o", "device=tmpfs", "-o", "o=size=1m", "ramvol");
        assertThat(dockerOk("run", "--rm", "-v", "ramvol:/r", "busybox", "sh", "-c", "df -k /r | tail -1")).contains("1024");
        assertThat(wharfOk("run", "--rm", "--mount", "type=volume,src=ramvol2,dst=/r,volume-label=via=mount,"
                + "volume-opt=type=tmpfs,volume-opt=device=tmpfs,volume-opt=o=size=2m", "busybox", "sh", "-c",
                "df -k /r | tail -1")).contains("2048");
        assertThat(dockerOk("volume", "inspect", "-f", "{{.Labels.via}} {{.Options.type}}", "ramvol2")).isEqualTo("mount tmpfs\n");
        assertThat(Leftovers.mountsUnder(daemon.dataRoot().resolve("volumes"))).isEmpty(); // unmounted after use
        wharfOk("volume", "rm", "ramvol", "ramvol2");
    }

    @Test
    void volumesFromSharesTheMountsOfAnotherContainer() {
        dockerOk("create", "--name", "source", "-v", "shared:/shared", "-v", "/anon", "busybox", "true");
        wharfOk("run", "--rm", "--volumes-from", "source", "busybox", "sh", "-c", "echo s > /shared/x; echo a > /anon/y");
        assertThat(dockerOk("run", "--rm", "--volumes-from", "source:ro", "busybox", "sh", "-c",
                "cat /shared/x /anon/y; touch /shared/z 2>&1; true")).contains("s\na\n").contains("Read-only file system");
        dockerOk("rm", "-v", "source");
        assertThat(dockerOk("volume", "ls", "-q")).isEqualTo("shared\n"); // anonymous gone with rm -v, named stays
        dockerOk("volume", "rm", "shared");
    }

    @Test
    void inspectShowsMountsLikeDocker() throws Exception {
        Path host = Files.createDirectories(root.resolve("inspect-src"));
        dockerOk("create", "--name", "shown", "-v", "named:/n", "-v", host + ":/b:ro", "-v", "/a",
                "--mount", "type=tmpfs,dst=/t", "busybox", "true");
        String mounts = dockerOk("inspect", "-f", "{{json .Mounts}}", "shown");
        assertThat(mounts).contains("{\"Type\":\"volume\",\"Name\":\"named\",\"Source\":\""
                + daemon.dataRoot().resolve("volumes/named/_data") + "\",\"Destination\":\"/n\",\"Driver\":\"local\","
                + "\"Mode\":\"z\",\"RW\":true,\"Propagation\":\"\"}");
        assertThat(mounts).contains("{\"Type\":\"bind\",\"Source\":\"" + host + "\",\"Destination\":\"/b\","
                + "\"Mode\":\"ro\",\"RW\":false,\"Propagation\":\"rprivate\"}");
        assertThat(mounts).contains("\"Destination\":\"/a\"").contains("{\"Type\":\"tmpfs\",\"Source\":\"\",\"Destination\":\"/t\"");
        dockerOk("rm", "-v", "shown");
        wharfOk("volume", "rm", "named");
    }

    @Test
    void aVolumeInUseCannotBeRemovedAndRmVolumesTakesAnonymousOnes() {
        String id = dockerOk("create", "-v", "busy:/d", "-v", "/anon", "busybox", "true").strip();
        CommandResult refused = docker.run("volume", "rm", "busy");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr().strip())
                .isEqualTo("Error response from daemon: remove busy: volume is in use - [" + id + "]");
        CommandResult refusedToo = wharf.run("volume", "rm", "busy");
        assertThat(refusedToo.stderr()).contains("volume is in use - [" + id + "]");
        String anonymous = dockerOk("inspect", "-f", "{{range .Mounts}}{{if eq .Destination \"/anon\"}}{{.Name}}{{end}}{{end}}",
                id).strip();
        assertThat(anonymous).hasSize(64);
        wharfOk("rm", "-v", id);
        assertThat(wharfOk("volume", "ls", "-q")).isEqualTo("busy\n");
        wharfOk("volume", "rm", "busy");
        assertThat(docker.run("volume", "inspect", "busy").stderr()).contains("no such volume");
    }

    @Test
    void pruneTakesUnusedAnonymousVolumesAndAllUnusedWithAll() {
        dockerOk("run", "-v", "/anon", "--name", "leaves-anon", "busybox", "true");
        String anonymous = dockerOk("volume", "ls", "-q", "--filter", "label=com.docker.volume.anonymous").strip();
        dockerOk("rm", "leaves-anon");
        dockerOk("volume", "create", "unused-named");
        dockerOk("create", "--name", "holder", "-v", "held:/h", "busybox", "true");

        assertThat(dockerOk("volume", "prune", "-f"))
                .isEqualTo("Deleted Volumes:\n" + anonymous + "\n\nTotal reclaimed space: 0B\n");
        assertThat(wharfOk("volume", "prune", "-a", "-f")).startsWith("Deleted Volumes:\nunused-named\n");
        assertThat(wharfOk("volume", "ls", "-q")).isEqualTo("held\n");
        assertThat(wharfOk("volume", "ls", "-q", "--filter", "dangling=true")).isEmpty();
        dockerOk("rm", "holder");
        assertThat(dockerOk("volume", "ls", "-q", "--filter", "dangling=true")).isEqualTo("held\n");
        wharfOk("volume", "rm", "held");
    }

    @Test
    void badMountSpecsAreRefusedWithDockersMessagesAndLeaveNothing() {
        assertRefused(docker.run("run", "--rm", "-v", "vol:relative", "busybox", "true"),
                "invalid volume specification: 'vol:relative': invalid mount config for type \"volume\": "
                        + "invalid mount path: 'relative' mount path must be absolute");
        Path missing = root.resolve("does-not-exist");
        assertRefused(docker.run("run", "--rm", "--mount", "type=bind,src=" + missing + ",dst=/x", "busybox", "true"),
                "invalid mount config for type \"bind\": bind source path does not exist: " + missing);
        assertRefused(wharf.run("run", "--rm", "--mount", "type=bind,src=" + missing + ",dst=/x", "busybox", "true"),
                "invalid mount config for type \"bind\": bind source path does not exist: " + missing);
        assertRefused(wharf.run("run", "--rm", "-v", "/a:/b:bogus", "-v", "/anon", "busybox", "true"),
                "invalid mode: bogus");
        assertRefused(wharf.run("run", "--rm", "-v", "/anon", "-v", "bad name:/x", "busybox", "true"),
                "\"bad name\" includes invalid characters for a local volume name");
        assertRefused(docker.run("run", "--rm", "-v", "dup:/x", "--tmpfs", "/x", "busybox", "true"),
                "Duplicate mount point: /x");
        assertThat(missing).doesNotExist();
        assertThat(dockerOk("ps", "-aq")).isEmpty();
        assertThat(dockerOk("volume", "ls", "-q")).isEmpty();
    }

    @Test
    void volumeEventsAreReported() {
        String since = Long.toString(java.time.Instant.now().getEpochSecond() - 1);
        dockerOk("run", "--rm", "-v", "evented:/e", "busybox", "true");
        dockerOk("volume", "rm", "evented");
        String until = Long.toString(java.time.Instant.now().getEpochSecond() + 1);
        String events = dockerOk("events", "--since", since, "--until", until, "--filter", "type=volume",
                "--format", "{{.Action}} {{.Actor.ID}}");
        assertThat(events).contains("create evented\n").contains("mount evented\n").contains("unmount evented\n")
                .contains("destroy evented\n");
    }

    private static void assertRefused(CommandResult result, String message) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(125);
        assertThat(result.stderr()).as(result.toString()).contains(message);
    }
}

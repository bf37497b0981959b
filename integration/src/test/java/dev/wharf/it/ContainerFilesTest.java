package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** cp both ways, diff, commit and export, through both clients, with hostile archives and symlinks. */
class ContainerFilesTest extends EndToEndTest {
    private static final String MAKE_TREE = "mkdir -p /data/sub && echo hello > /data/f && chown 1000:1001 /data/f"
            + " && chmod 4750 /data/f && ln -s /etc/passwd /data/link && echo deep > /data/sub/deep";

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void copiesOutOfAStoppedContainerWithDockersPathRules(String client) throws IOException {
        String name = "out-" + client;
        ok(client, "run", "--name", name, "busybox", "sh", "-c", MAKE_TREE);
        Path out = Files.createDirectories(root.resolve("out-" + client));

        ok(client, "cp", name + ":/data", out.resolve("copy").toString()); // absent destination: copied as it
        Path f = out.resolve("copy/f");
        assertThat(Files.readString(f)).isEqualTo("hello\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rwxr-x---");
        assertThat(((Integer) Files.getAttribute(f, "unix:mode")) & 07777).isEqualTo(04750);
        assertThat(Files.readSymbolicLink(out.resolve("copy/link"))).isEqualTo(Path.of("/etc/passwd"));
        assertThat(Files.readString(out.resolve("copy/sub/deep"))).isEqualTo("deep\n");

        ok(client, "cp", name + ":/data", out.toString()); // existing directory: copied into it
        assertThat(out.resolve("data/sub/deep")).exists();
        ok(client, "cp", name + ":/data/.", out.resolve("contents").toString()); // "/." copies the content
        assertThat(out.resolve("contents/f")).exists();
        ok(client, "cp", name + ":/data/f", out.resolve("renamed").toString());
        assertThat(Files.readString(out.resolve("renamed"))).isEqualTo("hello\n");
        ok(client, "cp", "-L", name + ":/data/link", out.resolve("followed").toString());
        assertThat(Files.isSymbolicLink(out.resolve("followed"))).isFalse();
        assertThat(Files.readString(out.resolve("followed"))).contains("root:x:0:0");
        ok(client, "cp", name + ":/etc/hostname", out.toString());
        assertThat(Files.readString(out.resolve("hostname")).strip()).matches("[0-9a-f]{12}");

        CommandResult missing = cli(client).run("cp", name + ":/nope", out.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).contains("Could not find the file /nope in container " + name);
        CommandResult dirOntoFile = cli(client).run("cp", name + ":/data", out.resolve("renamed").toString());
        assertThat(dirOntoFile.exitCode()).isEqualTo(1);
        assertThat(dirOntoFile.stderr()).contains("cannot copy directory");
        ok(client, "rm", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void copiesIntoRunningAndStoppedContainersKeepingOwnersAndModes(String client) throws IOException {
        Path src = Files.createDirectories(root.resolve("in-" + client));
        Files.createDirectories(src.resolve("dir/inner"));
        Files.writeString(src.resolve("dir/inner/a"), "a\n");
        Files.writeString(src.resolve("file"), "file\n");
        Files.setAttribute(src.resolve("file"), "unix:uid", 1234);
        Files.setAttribute(src.resolve("file"), "unix:gid", 4321);
        Files.setPosixFilePermissions(src.resolve("file"), PosixFilePermissions.fromString("rw-r-----"));
        Files.createSymbolicLink(src.resolve("lnk"), Path.of("file"));

        String running = "in-run-" + client;
        ok(client, "run", "-d", "--name", running, "busybox", "sleep", "300");
        ok(client, "cp", src.resolve("file").toString(), running + ":/tmp/");
        ok(client, "cp", src.resolve("dir").toString(), running + ":/tmp/newdir");
        ok(client, "cp", src.resolve("lnk").toString(), running + ":/tmp/");
        ok(client, "cp", "-L", src.resolve("lnk").toString(), running + ":/tmp/followed");
        Map<String, TarArchiveEntry> tmp = entries(client, running + ":/tmp");
        assertThat(tmp.get("tmp/file").getLongUserId()).isEqualTo(1234);
        assertThat(tmp.get("tmp/file").getLongGroupId()).isEqualTo(4321);
        assertThat(tmp.get("tmp/file").getMode() & 07777).isEqualTo(0640);
        assertThat(tmp).containsKey("tmp/newdir/inner/a");
        assertThat(tmp.get("tmp/lnk").isSymbolicLink()).isTrue();
        assertThat(tmp.get("tmp/lnk").getLinkName()).isEqualTo("file");
        assertThat(tmp.get("tmp/followed").isFile()).isTrue();

        // A stopped container (created with a user: -a gives that user the files).
        String stopped = "in-stopped-" + client;
        ok(client, "run", "--name", stopped, "--user", "1000:1000", "busybox", "true");
        ok(client, "cp", "-a", src.resolve("file").toString(), stopped + ":/tmp/owned");
        ok(client, "cp", src.resolve("file").toString(), stopped + ":/tmp/kept");
        Map<String, TarArchiveEntry> owned = entries(client, stopped + ":/tmp");
        assertThat(owned.get("tmp/owned").getLongUserId()).isEqualTo(1000);
        assertThat(owned.get("tmp/kept").getLongUserId()).isEqualTo(1234);

        CommandResult noParent = cli(client).run("cp", src.resolve("file").toString(), stopped + ":/missing/dir/");
        assertThat(noParent.exitCode()).isEqualTo(1);
        ok(client, "rm", "-f", running, stopped);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void dashStreamsATarBothWays(String client) throws IOException {
        String name = "dash-" + client;
        ok(client, "run", "--name", name, "busybox", "true");
        byte[] tar = Tarballs.tar(Tarballs.directory("d"), Tarballs.file("d/x", "from stdin\n"));
        CommandResult in = cli(client).runWithInput(tar, "cp", "-", name + ":/tmp");
        assertThat(in.exitCode()).as(in.toString()).isZero();
        Map<String, TarArchiveEntry> out = entries(client, name + ":/tmp/d");
        assertThat(out).containsKeys("d/", "d/x");
        CommandResult notDir = cli(client).runWithInput(tar, "cp", "-", name + ":/etc/passwd");
        assertThat(notDir.exitCode()).isEqualTo(1);
        assertThat(notDir.stderr()).contains("must be a directory");
        ok(client, "rm", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void hostileArchivesStayInsideTheContainer(String client) throws IOException {
        String name = "hostile-" + client;
        Path outside = Files.createDirectories(root.resolve("outside-" + client));
        String target = outside.toString();
        ok(client, "run", "--name", name, "busybox", "mkdir", "-p", target); // the same path inside the container

        byte[] dotdot = Tarballs.tar(Tarballs.file("../../../../../../../.." + target + "/dotdot", "x"));
        CommandResult refused = cli(client).runWithInput(dotdot, "cp", "-", name + ":/tmp");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("path escapes");

        byte[] absolute = Tarballs.tar(Tarballs.file(target + "/absolute", "x"));
        CommandResult contained = cli(client).runWithInput(absolute, "cp", "-", name + ":/tmp");
        assertThat(contained.exitCode()).as(contained.toString()).isZero();
        assertThat(entries(client, name + ":/tmp")).containsKey("tmp" + target + "/absolute");

        byte[] viaSymlink = Tarballs.tar(Tarballs.symlink("evil", target), Tarballs.file("evil/through-link", "x"));
        CommandResult followed = cli(client).runWithInput(viaSymlink, "cp", "-", name + ":/tmp");
        assertThat(followed.exitCode()).as(followed.toString()).isZero();
        assertThat(entries(client, name + ":" + target)).containsKey(outside.getFileName() + "/through-link");

        TarArchiveEntry hardlink = new TarArchiveEntry("hl", TarArchiveEntry.LF_LINK, true);
        hardlink.setLinkName("../../../../../../../../etc/passwd");
        byte[] link = Tarballs.tar(new Tarballs.Entry(hardlink, new byte[0]));
        CommandResult linkRefused = cli(client).runWithInput(link, "cp", "-", name + ":/tmp");
        assertThat(linkRefused.exitCode()).isEqualTo(1);
        assertThat(linkRefused.stderr()).contains("outside the layer root");

        try (Stream<Path> left = Files.list(outside)) {
            assertThat(left).as("nothing may be written outside the container").isEmpty();
        }
        ok(client, "rm", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void symlinksInTheContainerResolveInsideItsRoot(String client) throws IOException {
        Path hostDir = Files.createDirectories(root.resolve("host-" + client));
        Files.writeString(hostDir.resolve("secret"), "host secret\n");
        String name = "links-" + client;
        ok(client, "run", "--name", name, "busybox", "sh", "-c",
                "mkdir -p " + hostDir + " && ln -s ../../../../../../../.." + hostDir + " /tmp/up && ln -s " + hostDir
                        + " /tmp/abs");
        Path out = Files.createDirectories(root.resolve("links-out-" + client));
        for (String link : List.of("/tmp/up", "/tmp/abs")) {
            CommandResult peek = cli(client).run("cp", name + ":" + link + "/secret", out.toString());
            assertThat(peek.exitCode()).as(peek.toString()).isEqualTo(1);
            assertThat(peek.stderr()).contains("Could not find the file");
        }
        Path local = Files.writeString(root.resolve("planted-" + client), "planted\n");
        ok(client, "cp", local.toString(), name + ":/tmp/up/");
        ok(client, "cp", local.toString(), name + ":/tmp/abs");
        assertThat(hostDir.resolve(local.getFileName())).doesNotExist();
        try (Stream<Path> files = Files.list(hostDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secret");
        }
        assertThat(entries(client, name + ":" + hostDir)).containsKey(hostDir.getFileName() + "/" + local.getFileName());
        ok(client, "rm", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void diffListsAddedChangedAndDeleted(String client) {
        String name = "diff-" + client;
        ok(client, "run", "--name", name, "busybox", "sh", "-c",
                "mkdir /new && echo x > /new/file && rm /etc/passwd && echo y >> /etc/group"
                        + " && rm -rf /home && mkdir /home && touch /home/fresh");
        List<String> lines = ok(client, "diff", name).lines().toList();
        assertThat(lines).contains("A /new", "A /new/file", "C /etc", "D /etc/passwd", "C /etc/group",
                "D /home", "A /home/fresh");
        assertThat(lines).noneMatch(line -> line.contains("hostname") || line.contains("resolv.conf"));
        ok(client, "rm", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void commitMakesARunnableImage(String client) {
        String name = "commit-" + client;
        String image = "committed-" + client + ":v1";
        ok(client, "run", "--name", name, "-e", "FROM_RUN=1", "busybox", "sh", "-c",
                "echo committed > /greeting && rm /etc/group");
        String id = ok(client, "commit", "-c", "CMD [\"cat\", \"/greeting\"]", "-c", "ENV EXTRA=yes",
                "-c", "LABEL made=by-" + client, "-m", "a message", "-a", "Tester <t@example.com>", "--pause=false",
                name, image).strip();
        assertThat(id).matches("sha256:[0-9a-f]{64}");
        assertThat(ok(client, "run", "--rm", image)).isEqualTo("committed\n");
        assertThat(ok(client, "run", "--rm", image, "sh", "-c", "echo $EXTRA $FROM_RUN; ls /etc/group || true"))
                .startsWith("yes 1\n");
        assertThat(dockerOk("image", "inspect", "-f", "{{.Author}}|{{.Comment}}|{{index .Config.Labels \"made\"}}",
                image).strip()).isEqualTo("Tester <t@example.com>|a message|by-" + client);
        assertThat(dockerOk("image", "inspect", "-f", "{{len .RootFS.Layers}}", image).strip()).isEqualTo("2");
        ok(client, "rm", name);
        ok(client, "rmi", image);
    }

    @Test
    void commitWithoutChangesAddsNoLayer() {
        wharfOk("run", "--name", "unchanged", "busybox", "true");
        wharfOk("commit", "unchanged", "unchanged:v1");
        assertThat(dockerOk("image", "inspect", "-f", "{{len .RootFS.Layers}}", "unchanged:v1").strip()).isEqualTo("1");
        wharfOk("rm", "unchanged");
        wharfOk("rmi", "unchanged:v1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wharf", "docker"})
    void exportRoundTripsThroughImport(String client) throws IOException {
        String name = "export-" + client;
        ok(client, "run", "--name", name, "busybox", "sh", "-c", "echo exported > /marker");
        Path tar = root.resolve("export-" + client + ".tar");
        ok(client, "export", "-o", tar.toString(), name);
        try (var in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            List<String> names = new ArrayList<>();
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
            assertThat(names).contains("bin/", "bin/sh", "marker", "etc/passwd");
        }
        String image = "imported-" + client;
        ok(client, "import", tar.toString(), image);
        assertThat(ok(client, "run", "--rm", image, "cat", "/marker")).isEqualTo("exported\n");
        ok(client, "rm", name);
        ok(client, "rmi", image);
    }

    /** The tar {@code cp CONTAINER:PATH -} writes, by entry name. */
    private Map<String, TarArchiveEntry> entries(String client, String source) throws IOException {
        List<String> command = new ArrayList<>(client.equals("wharf")
                ? List.of(TestEnvironment.checkout().resolve("bin/wharf").toString(), "-H", daemon.host())
                : List.of("docker", "-H", daemon.host()));
        command.addAll(List.of("cp", source, "-"));
        Path file = Files.createTempFile(root, "cp-", ".tar");
        var builder = new ProcessBuilder(command).redirectOutput(file.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DOCKER_CONFIG", root.resolve("docker-config").toString());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("cp %s -", source).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (var in = new TarArchiveInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), e);
            }
        } finally {
            Files.delete(file);
        }
        return entries;
    }
}

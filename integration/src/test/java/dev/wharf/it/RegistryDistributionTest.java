package dev.wharf.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pull, push, login and run's auto-pull through both CLIs against a registry on loopback, open and behind
 * htpasswd auth; hand-made manifests for multi-arch selection, gzip layers and bad input. Run against the
 * CNCF distribution registry and against {@code wharf registry} (the subclasses).
 */
abstract class RegistryDistributionTest extends EndToEndTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "s3cret-pass";

    private LoopbackRegistry open;
    private LoopbackRegistry secured;
    private Cli wharfWithConfig;

    @BeforeAll
    void startRegistries() throws Exception {
        open = startRegistry(root.resolve("registry-open"), null, null);
        secured = startRegistry(root.resolve("registry-auth"), USER, PASSWORD);
        Files.createDirectories(root.resolve("wharf-config"));
        wharfWithConfig = Cli.wharf(daemon.host(), root.resolve("wharf-config"));
    }

    /** @param user with {@code password}, turns on htpasswd auth; null for an open registry */
    abstract LoopbackRegistry startRegistry(Path dir, String user, String password) throws Exception;

    @AfterAll
    void stopRegistries() throws Exception {
        if (open != null) {
            open.close();
        }
        if (secured != null) {
            secured.close();
        }
    }

    @Test
    void wharfPushRmiPullGivesTheSameImageIdAndDigest() throws Exception {
        String image = open.address() + "/rt/wharf:1";
        TestImages.importShell(wharf, image);
        String id = TestImages.id(wharf, image);
        String pushed = wharfOk("push", image);
        assertThat(pushed).contains("The push refers to repository [" + open.address() + "/rt/wharf]", ": Pushed");
        String digest = TestImages.pushedDigest(pushed);
        wharfOk("rmi", image);
        assertThat(wharf.run("inspect", "--type", "image", image).exitCode()).isNotZero();

        String pulled = wharfOk("pull", image);
        assertThat(pulled).contains("1: Pulling from rt/wharf", ": Pull complete", "Digest: " + digest,
                "Status: Downloaded newer image for " + image).endsWith(image + "\n");
        assertThat(TestImages.id(wharf, image)).isEqualTo(id);
        assertThat(dockerOk("image", "inspect", "--format", "{{json .RepoDigests}}", image))
                .contains(open.address() + "/rt/wharf@" + digest);
        assertThat(wharfOk("pull", image)).contains("Status: Image is up to date for " + image);
        assertThat(wharfOk("run", "--rm", image, "echo", "pulled by wharf")).isEqualTo("pulled by wharf\n");
        wharfOk("rmi", image);
    }

    @Test
    void dockerPushRmiPullGivesTheSameImageIdAndDigest() throws Exception {
        String image = open.address() + "/rt/docker:2";
        TestImages.importShell(wharf, image);
        String id = TestImages.id(wharf, image);
        String pushed = dockerOk("push", image);
        assertThat(pushed).contains("Preparing", "Pushed");
        String digest = TestImages.pushedDigest(pushed);
        dockerOk("rmi", image);

        String pulled = dockerOk("pull", image);
        assertThat(pulled).contains("Pulling fs layer", "Download complete", "Pull complete", "Digest: " + digest);
        assertThat(TestImages.id(wharf, image)).isEqualTo(id);
        assertThat(dockerOk("run", "--rm", image, "echo", "pulled by docker")).isEqualTo("pulled by docker\n");
        assertThat(dockerOk("pull", image)).contains("Image is up to date for " + image);
        assertThat(dockerOk("pull", open.address() + "/rt/docker@" + digest)).contains("Digest: " + digest);
        dockerOk("rmi", image);
    }

    @Test
    void runPullsAMissingImageFirst() throws Exception {
        String image = open.address() + "/rt/auto:1";
        TestImages.importShell(wharf, image);
        dockerOk("push", image);
        dockerOk("rmi", image);
        CommandResult run = docker.run("run", "--rm", image, "echo", "auto-pulled");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderr()).contains("Unable to find image '" + image + "' locally", "Pull complete");
        assertThat(run.stdout()).isEqualTo("auto-pulled\n");
        wharfOk("rmi", image);

        CommandResult never = wharf.run("run", "--rm", "--pull", "never", image, "true");
        assertThat(never.exitCode()).isEqualTo(125);
        CommandResult ours = wharf.run("run", "--rm", image, "echo", "again");
        assertThat(ours.exitCode()).as(ours.toString()).isZero();
        assertThat(ours.stderr()).contains("Unable to find image '" + image + "' locally");
        assertThat(ours.stdout()).isEqualTo("again\n");
        wharfOk("rmi", image);
    }

    @Test
    void aMissingManifestIsDockers404() {
        String image = open.address() + "/rt/missing:1";
        CommandResult run = docker.run("run", "--rm", image);
        assertThat(run.exitCode()).isEqualTo(125);
        assertThat(run.stderr()).contains("Unable to find image '" + image + "' locally",
                "manifest for " + image + " not found: manifest unknown: manifest unknown");
        CommandResult pull = wharf.run("pull", image);
        assertThat(pull.exitCode()).isEqualTo(1);
        assertThat(pull.stderr()).contains("manifest for " + image + " not found: manifest unknown");
    }

    @Test
    void loginStoresCredentialsAndAuthorizesTransfers() throws Exception {
        String image = secured.address() + "/private/app:1";
        TestImages.importShell(wharf, image);
        CommandResult bad = docker.runWithInput("wrong\n".getBytes(StandardCharsets.UTF_8),
                "login", secured.address(), "-u", USER, "--password-stdin");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.stderr()).contains("login attempt to http://" + secured.address()
                + "/v2/ failed with status: 401 Unauthorized");
        CommandResult anonymous = wharfWithConfig.run("push", image);
        assertThat(anonymous.exitCode()).isEqualTo(1);
        assertThat(anonymous.stderr()).contains("unauthorized");

        CommandResult login = wharfWithConfig.runWithInput((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8),
                "login", secured.address(), "-u", USER, "--password-stdin");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.stdout()).contains("Login Succeeded");
        assertThat(Files.readString(root.resolve("wharf-config/config.json"))).contains(secured.address(), "\"auth\"");
        String digest = TestImages.pushedDigest(wharfWithConfig.run("push", image).stdout());
        String id = TestImages.id(wharf, image);
        wharfOk("rmi", image);
        CommandResult pulled = wharfWithConfig.run("pull", image);
        assertThat(pulled.exitCode()).as(pulled.toString()).isZero();
        assertThat(pulled.stdout()).contains("Digest: " + digest);
        assertThat(TestImages.id(wharf, image)).isEqualTo(id);

        dockerLogin(secured);
        dockerOk("rmi", image);
        assertThat(dockerOk("pull", image)).contains("Digest: " + digest);

        assertThat(wharfWithConfig.run("logout", secured.address()).stdout())
                .contains("Removing login credentials for " + secured.address());
        wharfOk("rmi", image);
        CommandResult denied = wharfWithConfig.run("pull", image);
        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.stderr()).contains("unauthorized: authentication required");
        assertThat(wharf.run("inspect", "--type", "image", image).exitCode()).isNotZero();
    }

    @Test
    void anIndexIsResolvedToThePlatformAsked() throws Exception {
        RegistryWriter writer = new RegistryWriter(open.address());
        String repo = "multi/arch";
        HandMade amd64 = HandMade.push(writer, repo, "amd64", Tarballs.shellRootfs(), false);
        HandMade arm64 = HandMade.push(writer, repo, "arm64",
                Tarballs.tar(Tarballs.file("arm64.txt", "arm64 layer\n")), false);
        String index = """
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
                {"mediaType":"application/vnd.docker.distribution.manifest.v2+json","digest":"%s","size":%d,
                 "platform":{"architecture":"amd64","os":"linux"}},
                {"mediaType":"application/vnd.docker.distribution.manifest.v2+json","digest":"%s","size":%d,
                 "platform":{"architecture":"arm64","os":"linux","variant":"v8"}}]}
                """.formatted(amd64.manifestDigest(), amd64.manifestSize(), arm64.manifestDigest(), arm64.manifestSize());
        String indexDigest = writer.manifest(repo, "1", "application/vnd.oci.image.index.v1+json", index);
        String image = open.address() + "/" + repo + ":1";

        assertThat(dockerOk("pull", "--platform", "linux/arm64", image)).contains("Digest: " + indexDigest);
        assertThat(dockerOk("image", "inspect", "--format", "{{.Architecture}} {{.Id}}", image))
                .isEqualTo("arm64 " + arm64.configDigest() + "\n");
        assertThat(wharfOk("pull", image)).contains("Digest: " + indexDigest);
        assertThat(dockerOk("image", "inspect", "--format", "{{.Architecture}} {{.Id}} {{json .RepoDigests}}", image))
                .contains("amd64 " + amd64.configDigest(), open.address() + "/" + repo + "@" + indexDigest);
        assertThat(wharfOk("run", "--rm", image, "echo", "from a gzip layer")).isEqualTo("from a gzip layer\n");
        CommandResult none = wharf.run("pull", "--platform", "linux/s390x", image);
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.stderr()).contains("no matching manifest for linux/s390x in the manifest list entries");
        wharfOk("rmi", "-f", arm64.configDigest());
        wharfOk("rmi", image);
    }

    @Test
    void aLayerThatDoesNotMatchItsManifestStoresNothing() throws Exception {
        RegistryWriter writer = new RegistryWriter(open.address());
        HandMade.push(writer, "bad/size", "amd64", Tarballs.tar(Tarballs.file("a.txt", "size lie\n")), true);
        String image = open.address() + "/bad/size:1";
        CommandResult pull = docker.run("pull", image);
        assertThat(pull.exitCode()).isEqualTo(1);
        assertThat(pull.stderr()).contains("filesystem layer verification failed for digest");
        assertThat(docker.run("image", "inspect", image).exitCode()).isNotZero();
        assertThat(dockerOk("images", "-q", "--filter", "reference=" + open.address() + "/bad/*")).isEmpty();
    }

    @Test
    void aZstdLayerInAnOciManifestIsPulledAndRuns() throws Exception {
        RegistryWriter writer = new RegistryWriter(open.address());
        byte[] tar = Tarballs.shellRootfs();
        byte[] zstd = Zstd.compress(tar);
        String layer = writer.blob("z/app", zstd);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\"" + RegistryWriter.sha256(tar) + "\"]}}").getBytes(StandardCharsets.UTF_8);
        String configDigest = writer.blob("z/app", config);
        String digest = writer.manifest("z/app", "1", "application/vnd.oci.image.manifest.v1+json", """
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",\
                "config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":%d,"digest":"%s"},\
                "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+zstd","size":%d,"digest":"%s"}]}\
                """.formatted(config.length, configDigest, zstd.length, layer));
        String image = open.address() + "/z/app:1";
        assertThat(wharfOk("pull", image)).contains("Pull complete", "Digest: " + digest);
        assertThat(wharfOk("run", "--rm", image, "echo", "zstd")).isEqualTo("zstd\n");
        wharfOk("rmi", image);
    }

    private void dockerLogin(LoopbackRegistry registry) {
        CommandResult login = docker.runWithInput((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8),
                "login", registry.address(), "-u", USER, "--password-stdin");
        assertThat(login.exitCode()).as(login.toString()).isZero();
    }

    /** A Docker schema 2 image with one gzip layer, uploaded blob by blob. */
    record HandMade(String configDigest, String manifestDigest, int manifestSize) {
        static HandMade push(RegistryWriter writer, String repo, String arch, byte[] layerTar, boolean lieAboutSize)
                throws Exception {
            byte[] gz = RegistryWriter.gzip(layerTar);
            String layer = writer.blob(repo, gz);
            String config = """
                    {"architecture":"%s","os":"linux","config":{"Cmd":["sh"]},\
                    "rootfs":{"type":"layers","diff_ids":["%s"]}}""".formatted(arch, RegistryWriter.sha256(layerTar));
            byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
            String configDigest = writer.blob(repo, configBytes);
            String manifest = """
                    {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",\
                    "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":%d,"digest":"%s"},\
                    "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":%d,"digest":"%s"}]}\
                    """.formatted(configBytes.length, configDigest, gz.length + (lieAboutSize ? 7 : 0), layer);
            String manifestDigest = writer.manifest(repo, lieAboutSize ? "1" : arch,
                    "application/vnd.docker.distribution.manifest.v2+json", manifest);
            return new HandMade(configDigest, manifestDigest, manifest.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}

package dev.wharf.cli.command;

import dev.wharf.api.client.BuildOptions;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.client.RequestBody;
import dev.wharf.cli.build.BuildProgress;
import dev.wharf.cli.build.ContextTar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf build [OPTIONS] PATH | -}: docker's classic build, its flags and output. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build an image from a Dockerfile")
public final class BuildCommand extends EngineCommand {

    @Option(names = {"-t", "--tag"}, description = "Name and optionally a tag in the \"name:tag\" format")
    private List<String> tags = new ArrayList<>();

    @Option(names = {"-f", "--file"}, description = "Name of the Dockerfile (Default is \"PATH/Dockerfile\")")
    private String file;

    @Option(names = "--build-arg", description = "Set build-time variables")
    private List<String> buildArgs = new ArrayList<>();

    @Option(names = "--label", description = "Set metadata for an image")
    private List<String> labels = new ArrayList<>();

    @Option(names = "--no-cache", description = "Do not use cache when building the image")
    private boolean noCache;

    @Option(names = "--target", description = "Set the target build stage to build.")
    private String target;

    @Option(names = {"-q", "--quiet"}, description = "Suppress the build output and print image ID on success")
    private boolean quiet;

    @Option(names = "--iidfile", description = "Write the image ID to the file")
    private Path iidFile;

    @Option(names = "--network", description = "Set the networking mode for the RUN instructions during build")
    private String network;

    @Option(names = "--cache-from", description = "Images to consider as cache sources")
    private List<String> cacheFrom = new ArrayList<>();

    @Option(names = "--rm", arity = "0..1", fallbackValue = "true", defaultValue = "true",
            description = "Remove intermediate containers after a successful build")
    private boolean remove;

    @Option(names = "--force-rm", description = "Always remove intermediate containers")
    private boolean forceRemove;

    @Option(names = "--pull", description = "Always attempt to pull a newer version of the image")
    private boolean pull;

    @Option(names = "--platform", description = "Set platform if server is multi-platform capable")
    private String platform;

    @Parameters(index = "0", paramLabel = "PATH | -")
    private String path;

    @Override
    public Integer call() throws IOException {
        Path contextDir = path.equals("-") ? null : Path.of(path);
        if (contextDir != null && !Files.isDirectory(contextDir)) {
            err().println("unable to prepare context: path \"" + path + "\" not found");
            return 1;
        }
        String dockerfileName = "Dockerfile";
        String extraName = null;
        byte[] extraContent = null;
        if (file != null) {
            Path dockerfile = Path.of(file).toAbsolutePath().normalize();
            boolean inside = contextDir != null && dockerfile.startsWith(contextDir.toAbsolutePath().normalize());
            if (inside) {
                dockerfileName = contextDir.toAbsolutePath().normalize().relativize(dockerfile).toString();
            } else {
                // As the docker CLI: a Dockerfile from stdin or outside the context travels under a random name.
                extraContent = file.equals("-") ? streams().in().readAllBytes() : Files.readAllBytes(dockerfile);
                extraName = ".dockerfile." + randomHex();
                dockerfileName = extraName;
            }
        }
        BuildOptions options = new BuildOptions(dockerfileName, tags, keyValues(buildArgs, true),
                keyValues(labels, false), noCache, target, quiet, network, cacheFrom, remove, forceRemove, pull, platform);
        BuildProgress progress = new BuildProgress(out(), !quiet && System.console() != null
                && System.console().isTerminal());
        AtomicReference<String> imageId = new AtomicReference<>();
        try {
            client().build(context(contextDir, extraName, extraContent), options, message -> {
                if (message.aux() != null && message.aux().has("ID")) {
                    imageId.set(message.aux().get("ID").asText());
                } else if (message.stream() != null) {
                    if (quiet && message.stream().startsWith("sha256:")) {
                        imageId.set(message.stream().strip());
                    }
                    progress.stream(message.stream());
                }
            });
        } catch (EngineErrorException e) {
            err().println(e.getMessage());
            return e.status() > 0 && e.status() < 256 ? e.status() : 1;
        }
        if (iidFile != null && imageId.get() != null) {
            Files.writeString(iidFile, imageId.get());
        }
        return 0;
    }

    /** The context tar, written into the request body as it is made. */
    private RequestBody.Writer context(Path dir, String extraName, byte[] extraContent) {
        if (dir == null && extraName == null) {
            return out -> streams().in().transferTo(out); // "wharf build -": the context is a tar on stdin
        }
        return out -> ContextTar.write(dir, extraName, extraContent, out);
    }

    private static Map<String, String> keyValues(List<String> values, boolean fromEnvironment) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            if (eq >= 0) {
                map.put(value.substring(0, eq), value.substring(eq + 1));
            } else if (fromEnvironment) {
                // docker: --build-arg NAME takes NAME from the environment, and is left out when unset
                String env = System.getenv(value);
                if (env != null) {
                    map.put(value, env);
                }
            } else {
                map.put(value, "");
            }
        }
        return map;
    }

    private static String randomHex() {
        byte[] bytes = new byte[10];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

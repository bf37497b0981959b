package dev.wharf.build.exec;

import dev.wharf.build.BuildCache;
import dev.wharf.build.BuildException;
import dev.wharf.build.BuildNetwork;
import dev.wharf.build.BuildOutput;
import dev.wharf.build.BuildRequest;
import dev.wharf.build.StepContainerKeeper;
import dev.wharf.build.context.BuildContext;
import dev.wharf.build.dockerfile.Dockerfile;
import dev.wharf.build.dockerfile.DockerfileParser;
import dev.wharf.build.dockerfile.Instruction;
import dev.wharf.build.dockerfile.KeyValue;
import dev.wharf.build.dockerfile.Source;
import dev.wharf.build.expand.ShellLexer;
import dev.wharf.build.expand.Variables;
import dev.wharf.build.layer.LayerCommitter;
import dev.wharf.image.BlobStore;
import dev.wharf.image.Digest;
import dev.wharf.image.ImageReference;
import dev.wharf.image.ImageStore;
import dev.wharf.image.Platform;
import dev.wharf.runtime.ContainerRuntime;
import dev.wharf.runtime.Snapshotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The Dockerfile builder (dockerd's classic builder): parses the Dockerfile, builds the stages the target
 * needs in order, tags the result. Every step's scratch files live in one directory that is removed at the
 * end, whatever happened; a failed step leaves no mount, container or snapshot, except a failed RUN's
 * container, which the {@link StepContainerKeeper} keeps as dockerd does without {@code --force-rm}.
 */
public final class Builder {
    private final BlobStore blobs;
    private final ImageStore images;
    private final Snapshotter snapshotter;
    private final ContainerRuntime runtime;
    private final BuildCache cache;
    private final StepContainerKeeper keeper;
    private final BuildNetwork bridge;
    private final Path scratchRoot;

    /** Scratch directories a crashed daemon left in {@code scratchRoot} are removed here. */
    public Builder(BlobStore blobs, ImageStore images, Snapshotter snapshotter, ContainerRuntime runtime,
            BuildCache cache, StepContainerKeeper keeper, BuildNetwork bridge, Path scratchRoot) throws IOException {
        this.blobs = blobs;
        this.images = images;
        this.snapshotter = snapshotter;
        this.runtime = runtime;
        this.cache = cache;
        this.keeper = keeper;
        this.bridge = bridge;
        this.scratchRoot = scratchRoot;
        deleteTree(scratchRoot);
    }

    /** Builds and tags; returns the image ID. Errors carry Docker's message. */
    public Digest build(BuildRequest request, BuildOutput out) throws IOException {
        Path scratch = scratchRoot.resolve("build-" + Snapshots.newId().substring(0, 16));
        try {
            Dockerfile dockerfile = DockerfileParser.parse(dockerfileText(request));
            if (dockerfile.stages().isEmpty()) {
                throw new BuildException("the Dockerfile (" + request.dockerfilePath() + ") cannot be empty");
            }
            BuildContext context = BuildContext.prepare(request.context(), request.dockerfilePath());
            int target = targetStage(dockerfile, request.target());
            Map<String, String> metaArgs = metaArgs(dockerfile, request);
            TreeSet<Integer> needed = new TreeSet<>();
            collect(dockerfile, target, metaArgs, needed);
            List<Instruction> extra = labelInstruction(request);
            int total = dockerfile.metaArgs().size() + extra.size();
            for (int index : needed) {
                total += 1 + dockerfile.stages().get(index).instructions().size();
            }
            BuildSession session = new BuildSession(request, out, dockerfile, context, images,
                    new ImageWriter(blobs, images), new Snapshots(blobs, snapshotter),
                    new LayerCommitter(blobs, snapshotter, scratch), new RunStep(runtime, scratch, RunNetwork.of(request.network(), bridge)), cache, keeper, scratch,
                    metaArgs, total);
            for (Instruction.Arg arg : dockerfile.metaArgs()) {
                session.header(arg.source().text());
                arg.args().forEach(a -> session.consumedArgs.add(a.key()));
            }
            buildStages(session, needed, target, extra, dockerfile.metaArgs().size() + 1);
            StepImage result = session.stages.get(target).join();
            if (result.id() == null) {
                throw new BuildException("No image was generated. Is your Dockerfile empty?");
            }
            warnUnconsumed(request, session, out);
            out.aux(result.id());
            out.stream("Successfully built " + result.id().shortId() + "\n");
            for (ImageReference tag : request.tags()) {
                images.tag(tag, result.id());
                out.stream("Successfully tagged " + tag.familiarString() + "\n");
            }
            return result.id();
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * Builds every needed stage on a virtual thread of its own: a stage waits only for the stages it names (FROM,
     * COPY --from), so independent stages build at the same time. Their output comes in stage order, their steps
     * numbered as in a sequential build; the first failed stage's error is the build's.
     */
    private static void buildStages(BuildSession session, TreeSet<Integer> needed, int target, List<Instruction> extra,
            int firstStep) throws IOException {
        OrderedOutput ordered = new OrderedOutput(session.out);
        needed.forEach(index -> session.stages.put(index, new CompletableFuture<>()));
        List<Thread> threads = new ArrayList<>();
        int step = firstStep;
        for (int index : needed) {
            Dockerfile.Stage stage = session.dockerfile.stages().get(index);
            List<Instruction> stageExtra = index == target ? extra : List.of();
            OrderedOutput.Part out = ordered.part();
            StageBuilder builder = new StageBuilder(session, stage, stageExtra, out, step);
            step += 1 + stage.instructions().size() + stageExtra.size();
            CompletableFuture<StepImage> result = session.stages.get(index);
            threads.add(Thread.ofVirtual().name("build-stage-" + index).start(() -> {
                try {
                    result.complete(builder.build());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                } finally {
                    out.finish(result.isCompletedExceptionally());
                }
            }));
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildException("build cancelled", e);
        }
        for (int index : needed) {
            try {
                session.stages.get(index).join();
            } catch (CompletionException e) {
                switch (e.getCause()) {
                    case IOException io -> throw io;
                    case RuntimeException runtime -> throw runtime;
                    case Error error -> throw error;
                    default -> throw new IOException(e.getCause());
                }
            }
        }
    }

    private static String dockerfileText(BuildRequest request) throws IOException {
        if (request.dockerfileText() != null) {
            return request.dockerfileText();
        }
        String name = request.dockerfilePath();
        String cleaned = Path.of(name).normalize().toString();
        return request.context().readString(cleaned)
                .orElseThrow(() -> new BuildException("Cannot locate specified Dockerfile: " + name));
    }

    private static int targetStage(Dockerfile dockerfile, String target) throws BuildException {
        if (target == null || target.isEmpty()) {
            return dockerfile.stages().size() - 1;
        }
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            if (target.equalsIgnoreCase(stage.name())) {
                return stage.index();
            }
        }
        throw new BuildException("failed to reach build target " + target + " in Dockerfile");
    }

    /** The ARGs before the first FROM with their values, plus the platform ARGs BuildKit predefines. */
    private static Map<String, String> metaArgs(Dockerfile dockerfile, BuildRequest request) throws IOException {
        Map<String, String> values = new LinkedHashMap<>(platformArgs());
        ShellLexer lexer = new ShellLexer(dockerfile.escape());
        for (Instruction.Arg arg : dockerfile.metaArgs()) {
            for (KeyValue declared : arg.args()) {
                String value = request.buildArgs().containsKey(declared.key()) ? request.buildArgs().get(declared.key())
                        : declared.value() == null ? null : lexer.processWord(declared.value(), Variables.of(values));
                if (value != null) {
                    values.put(declared.key(), value);
                }
            }
        }
        return values;
    }

    static Map<String, String> platformArgs() {
        Platform host = Platform.host();
        String platform = "linux/" + host.architecture();
        return Map.of("TARGETPLATFORM", platform, "TARGETOS", "linux", "TARGETARCH", host.architecture(),
                "TARGETVARIANT", "", "BUILDPLATFORM", platform, "BUILDOS", "linux", "BUILDARCH", host.architecture(),
                "BUILDVARIANT", "");
    }

    /** The stages the target needs (FROM and COPY --from of earlier stages), target included. */
    private static void collect(Dockerfile dockerfile, int index, Map<String, String> metaArgs, TreeSet<Integer> needed)
            throws IOException {
        if (!needed.add(index)) {
            return;
        }
        Dockerfile.Stage stage = dockerfile.stages().get(index);
        ShellLexer lexer = new ShellLexer(dockerfile.escape());
        List<String> references = new ArrayList<>();
        references.add(lexer.processWord(stage.from().image(), Variables.of(metaArgs)));
        for (Instruction instruction : stage.instructions()) {
            if (instruction instanceof Instruction.Transfer transfer && transfer.flags().containsKey("from")) {
                references.add(lexer.processWord(transfer.flags().get("from"), Variables.of(metaArgs)));
            }
        }
        for (String reference : references) {
            int referenced = indexOf(dockerfile, reference);
            if (referenced >= index) {
                throw new BuildException("circular dependency detected on stage: " + reference);
            }
            if (referenced >= 0) {
                collect(dockerfile, referenced, metaArgs, needed);
            }
        }
    }

    private static int indexOf(Dockerfile dockerfile, String name) {
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            if (name.equalsIgnoreCase(stage.name())) {
                return stage.index();
            }
        }
        return name.matches("\\d+") && Integer.parseInt(name) < dockerfile.stages().size() ? Integer.parseInt(name) : -1;
    }

    /** {@code --label}s become one more LABEL step of the target, as in dockerd: {@code LABEL "k"='v'}. */
    private static List<Instruction> labelInstruction(BuildRequest request) {
        if (request.labels().isEmpty()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder("LABEL");
        List<KeyValue> pairs = new ArrayList<>();
        new TreeMap<>(request.labels()).forEach((k, v) -> {
            text.append(" \"").append(k).append("\"='").append(v).append("'");
            pairs.add(new KeyValue("\"" + k + "\"", "'" + v + "'"));
        });
        return List.of(new Instruction.Label(new Source(0, text.toString()), List.copyOf(pairs)));
    }

    private static void warnUnconsumed(BuildRequest request, BuildSession session, BuildOutput out) {
        List<String> unused = request.buildArgs().keySet().stream()
                .filter(k -> !session.consumedArgs.contains(k) && !StageBuilder.PROXY_ARGS.contains(k))
                .sorted().toList();
        if (!unused.isEmpty()) {
            out.stream("[Warning] One or more build-args [" + String.join(" ", unused) + "] were not consumed\n");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

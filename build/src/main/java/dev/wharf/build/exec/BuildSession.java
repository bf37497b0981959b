package dev.wharf.build.exec;

import dev.wharf.build.BuildCache;
import dev.wharf.build.BuildOutput;
import dev.wharf.build.BuildRequest;
import dev.wharf.build.StepContainerKeeper;
import dev.wharf.build.context.BuildContext;
import dev.wharf.build.dockerfile.Dockerfile;
import dev.wharf.build.expand.ShellLexer;
import dev.wharf.build.layer.LayerCommitter;
import dev.wharf.image.ImageStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/** What every stage of one build shares: the request, the stores, the step numbering, finished stages. */
final class BuildSession {
    final BuildRequest request;
    final BuildOutput out;
    final Dockerfile dockerfile;
    final BuildContext context;
    final ShellLexer lexer;
    final ImageStore images;
    final ImageWriter writer;
    final Snapshots snapshots;
    final LayerCommitter committer;
    final RunStep runner;
    final BuildCache cache;
    final StepContainerKeeper keeper;
    final Path scratch;
    final Map<String, String> metaArgs;
    /** The results of the stages the build needs, as they come: stages build at the same time. */
    final Map<Integer, CompletableFuture<StepImage>> stages = new ConcurrentHashMap<>();
    final Set<String> consumedArgs = ConcurrentHashMap.newKeySet();
    private final int total;
    private int step;

    BuildSession(BuildRequest request, BuildOutput out, Dockerfile dockerfile, BuildContext context, ImageStore images,
            ImageWriter writer, Snapshots snapshots, LayerCommitter committer, RunStep runner, BuildCache cache,
            StepContainerKeeper keeper, Path scratch, Map<String, String> metaArgs, int total) {
        this.request = request;
        this.out = out;
        this.dockerfile = dockerfile;
        this.context = context;
        this.lexer = new ShellLexer(dockerfile.escape());
        this.images = images;
        this.writer = writer;
        this.snapshots = snapshots;
        this.committer = committer;
        this.runner = runner;
        this.cache = cache;
        this.keeper = keeper;
        this.scratch = scratch;
        this.metaArgs = metaArgs;
        this.total = total;
    }

    /** The index of the stage a FROM or --from names (by name, any case, or by number), or -1. */
    int stageIndex(String name) {
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            if (stage.name() != null && stage.name().equalsIgnoreCase(name)) {
                return stage.index();
            }
        }
        if (name.matches("\\d+")) {
            int index = Integer.parseInt(name);
            return index < dockerfile.stages().size() ? index : -1;
        }
        return -1;
    }

    /**
     * The result of an earlier stage a FROM names, once it is built; a stage that is not earlier is a cycle.
     * When that stage failed, this one fails too (the build reports the earlier stage's error).
     */
    java.util.Optional<StepImage> stageImage(String name, int current) throws dev.wharf.build.BuildException {
        int index = stageIndex(name);
        if (index < 0) {
            return java.util.Optional.empty();
        }
        if (index >= current) {
            throw new dev.wharf.build.BuildException("circular dependency detected on stage: " + name);
        }
        CompletableFuture<StepImage> result = stages.get(index);
        if (result == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(result.join());
        } catch (CompletionException | CancellationException e) {
            throw new dev.wharf.build.BuildException("stage " + name + " failed", e.getCause());
        }
    }

    /** COPY --from: an earlier stage, else an image of the store. */
    StepImage copySource(String name, int current) throws java.io.IOException {
        java.util.Optional<StepImage> fromStage = stageImage(name, current);
        if (fromStage.isPresent()) {
            return fromStage.get();
        }
        java.util.Optional<dev.wharf.image.Image> image;
        try {
            image = images.lookup(name);
        } catch (RuntimeException e) {
            image = java.util.Optional.empty();
        }
        if (image.isEmpty()) {
            throw new dev.wharf.build.BuildException("invalid from flag value " + name + ": pull access denied for "
                    + StageBuilder.familiar(name) + ", repository does not exist or may require 'docker login'");
        }
        return writer.read(image.get());
    }

    /** Prints "Step n/m : text" of the build's ARGs before the first FROM; each stage numbers its own steps. */
    synchronized void header(String text) {
        header(out, ++step, text);
    }

    /** "Step n/m : text" as two messages, as dockerd prints it. */
    void header(BuildOutput to, int number, String text) {
        to.stream("Step " + number + "/" + total + " : " + text);
        to.stream("\n");
    }

    /** The time written into configs and history: SOURCE_DATE_EPOCH when given, else now. */
    Instant now() {
        return request.sourceDateEpoch() != null ? request.sourceDateEpoch() : Instant.now();
    }
}

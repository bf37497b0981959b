package dev.wharf.build.exec;

import dev.wharf.build.BuildException;
import dev.wharf.build.BuildOutput;
import dev.wharf.build.StepContainer;
import dev.wharf.build.dockerfile.Command;
import dev.wharf.build.dockerfile.Dockerfile;
import dev.wharf.build.dockerfile.Heredoc;
import dev.wharf.build.dockerfile.Instruction;
import dev.wharf.build.dockerfile.InstructionParser;
import dev.wharf.build.dockerfile.KeyValue;
import dev.wharf.build.expand.Variables;
import dev.wharf.build.image.BuiltImageConfig;
import dev.wharf.build.image.RunConfig;
import dev.wharf.build.layer.CommittedLayer;
import dev.wharf.image.Descriptor;
import dev.wharf.image.Digest;
import dev.wharf.image.History;
import dev.wharf.image.Image;
import dev.wharf.image.Json;
import dev.wharf.image.Platform;
import dev.wharf.image.RootFs;
import dev.wharf.runtime.ScopedPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds one stage the way dockerd's classic builder does: each instruction gives a new image whose
 * parent is the previous one; a step whose parent and config (and, for COPY/ADD, sources) match an earlier
 * one is taken from the cache. RUN runs a container; COPY, ADD and WORKDIR write into a mounted snapshot;
 * the rest only change the config.
 */
final class StageBuilder {
    static final Set<String> PROXY_ARGS = Set.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy",
            "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");
    private static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final BuildSession session;
    private final BuildOutput out;
    private int step;
    private final Dockerfile.Stage stage;
    private final List<Instruction> extra;
    private final ConfigInstructions configs;
    private final Transfers transfers;
    private StepImage image;
    private RunConfig config;
    private final Map<String, String> args = new LinkedHashMap<>();
    private boolean cmdSet;

    /** {@code out}: this stage's output; {@code firstStep}: the number of its FROM step. */
    StageBuilder(BuildSession session, Dockerfile.Stage stage, List<Instruction> extra, BuildOutput out, int firstStep) {
        this.session = session;
        this.out = out;
        this.step = firstStep - 1;
        this.stage = stage;
        this.extra = extra;
        this.configs = new ConfigInstructions(session.lexer);
        this.transfers = new Transfers(session, this);
    }

    StepImage build() throws IOException {
        from(stage.from());
        for (Instruction instruction : stage.instructions()) {
            header(instruction.source().text());
            dispatch(instruction);
        }
        for (Instruction instruction : extra) {
            header(instruction.source().text());
            dispatch(instruction);
        }
        return image;
    }

    StepImage image() {
        return image;
    }

    int index() {
        return stage.index();
    }

    private void header(String text) {
        session.header(out, ++step, text);
    }

    RunConfig config() {
        return config;
    }

    /** The variables of the stage's next step: its ARGs, overridden by its ENV. */
    Variables variables() {
        return Variables.of(args).with(Variables.ofEnv(config.envOrEmpty()).asMap());
    }

    private void from(Instruction.From from) throws IOException {
        header(from.source().text());
        String name = session.lexer.processWord(from.image(), Variables.of(session.metaArgs));
        StepImage base = session.stageImage(name, stage.index()).orElse(null);
        if (base == null) {
            base = name.equalsIgnoreCase("scratch") ? scratch() : baseImage(name);
        }
        image = base;
        config = base.config().config();
        out.stream(" ---> " + (base.id() == null ? "" : base.id().shortId()) + "\n");
        List<String> triggers = config.onBuild() == null ? List.of() : config.onBuild();
        if (!triggers.isEmpty()) {
            out.stream("# Executing " + triggers.size() + " build trigger" + (triggers.size() == 1 ? "" : "s") + "\n");
            config = config.withOnBuild(null);
            InstructionParser parser = new InstructionParser(session.dockerfile.escape());
            for (String trigger : triggers) {
                dispatch(parser.parse(trigger));
            }
        } else if (config.onBuild() != null) {
            config = config.withOnBuild(null);
        }
    }

    private StepImage scratch() {
        BuiltImageConfig empty = new BuiltImageConfig(Platform.host().architecture(), null,
                RunConfig.EMPTY.withEnv(null), null, null, null, null, List.of(), "linux", RootFs.layers(List.of()));
        return new StepImage(null, empty, List.of());
    }

    private StepImage baseImage(String name) throws IOException {
        Optional<Image> found;
        try {
            found = session.images.lookup(name);
        } catch (IOException | RuntimeException e) {
            throw new BuildException("invalid reference format: " + name, e);
        }
        if (found.isEmpty()) {
            throw new BuildException("pull access denied for " + familiar(name)
                    + ", repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
        }
        return session.writer.read(found.get());
    }

    static String familiar(String name) {
        try {
            return dev.wharf.image.ImageReference.parse(name).familiarName();
        } catch (RuntimeException e) {
            return name;
        }
    }

    private void dispatch(Instruction instruction) throws IOException {
        Variables vars = variables();
        switch (instruction) {
            case Instruction.Run run -> run(run);
            case Instruction.Transfer transfer -> transfers.run(transfer);
            case Instruction.Workdir workdir -> workdir(workdir, vars);
            case Instruction.Arg arg -> arg(arg, vars);
            case Instruction.Env env -> metadata(configs.env(config, env, vars));
            case Instruction.Label label -> metadata(configs.label(config, label.pairs(), vars));
            case Instruction.Cmd cmd -> {
                cmdSet = true;
                metadata(configs.cmd(config, cmd));
            }
            case Instruction.Entrypoint entrypoint -> metadata(configs.entrypoint(config, entrypoint, cmdSet));
            case Instruction.Expose expose -> metadata(configs.expose(config, expose, vars));
            case Instruction.Volume volume -> metadata(configs.volume(config, volume, vars));
            case Instruction.User user -> metadata(configs.user(config, user, vars));
            case Instruction.Shell shell -> metadata(configs.shell(config, shell));
            case Instruction.StopSignal signal -> metadata(configs.stopSignal(config, signal, vars));
            case Instruction.Healthcheck check -> metadata(configs.healthcheck(config, check));
            case Instruction.OnBuild onBuild -> metadata(configs.onBuild(config, onBuild));
            case Instruction.Maintainer maintainer -> maintainer(maintainer);
            case Instruction.From from -> throw new BuildException("FROM inside a stage");
        }
    }

    private void arg(Instruction.Arg arg, Variables vars) throws IOException {
        StringBuilder comment = new StringBuilder("ARG");
        for (KeyValue declared : arg.args()) {
            String name = declared.key();
            String fallback = declared.value() == null ? null : session.lexer.processWord(declared.value(), vars);
            comment.append(' ').append(name).append(fallback == null ? "" : "=" + fallback);
            String value = session.request.buildArgs().containsKey(name) ? session.request.buildArgs().get(name)
                    : fallback != null ? fallback : session.metaArgs.get(name);
            session.consumedArgs.add(name);
            if (value != null) {
                args.put(name, value);
            } else {
                args.remove(name);
            }
            vars = variables();
        }
        metadata(new ConfigChange(config, comment.toString()));
    }

    private void maintainer(Instruction.Maintainer maintainer) throws IOException {
        String comment = "MAINTAINER " + maintainer.name();
        commitStep(config, config.withCmd(nop(comment)), null, null, maintainer.name(), false);
    }

    private void metadata(ConfigChange change) throws IOException {
        RunConfig probe = change.config().withCmd(nop(change.comment()));
        config = change.config();
        commitStep(config, probe, null, null, null, true);
    }

    private List<String> nop(String comment) {
        List<String> cmd = new ArrayList<>(config.shellOrDefault());
        cmd.add("#(nop) ");
        cmd.add(comment);
        return cmd;
    }

    /** RUN's argv: shell form through the stage's SHELL, exec form as is, a lone heredoc as the script. */
    private List<String> runArgv(Instruction.Run run) {
        List<Heredoc> heredocs = run.heredocs();
        if (!heredocs.isEmpty() && run.command() instanceof Command.ShellForm form) {
            String line = form.script().strip();
            if (heredocs.size() == 1 && line.matches("\\d*<<-?[\"']?" + java.util.regex.Pattern.quote(heredocs.getFirst().name()) + "[\"']?")) {
                return new Command.ShellForm(heredocs.getFirst().content()).argv(config.shellOrDefault());
            }
            StringBuilder script = new StringBuilder(form.script()).append('\n');
            for (Heredoc heredoc : heredocs) {
                script.append(heredoc.content()).append(heredoc.name()).append('\n');
            }
            return new Command.ShellForm(script.toString()).argv(config.shellOrDefault());
        }
        return run.command().argv(config.shellOrDefault());
    }

    /** The build args a RUN sees as environment: declared with a value and not set by ENV, sorted. */
    private List<String> argEnv(boolean forHistory) {
        Set<String> envKeys = Variables.ofEnv(config.envOrEmpty()).asMap().keySet();
        Map<String, String> visible = new TreeMap<>();
        args.forEach((k, v) -> {
            if (!envKeys.contains(k)) {
                visible.put(k, v);
            }
        });
        if (!forHistory) {
            session.request.buildArgs().forEach((k, v) -> {
                if (PROXY_ARGS.contains(k) && !envKeys.contains(k)) {
                    visible.putIfAbsent(k, v);
                }
            });
        }
        return visible.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private void run(Instruction.Run run) throws IOException {
        List<String> argv = runArgv(run);
        List<String> historyArgs = argEnv(true);
        List<String> saveCmd = new ArrayList<>();
        if (!historyArgs.isEmpty()) {
            saveCmd.add("|" + historyArgs.size());
            saveCmd.addAll(historyArgs);
        }
        saveCmd.addAll(argv);
        RunConfig probe = config.withCmd(saveCmd).withEntrypoint(null);
        Digest key = cacheKey(probe, "");
        if (cached(key)) {
            return;
        }
        String id = Snapshots.newId();
        out.stream(" ---> Running in " + id.substring(0, 12) + "\n");
        Path rootfs = session.snapshots.mount(id, image);
        boolean kept = false;
        try {
            List<String> env = new ArrayList<>(config.envOrEmpty());
            env.addAll(argEnv(false));
            if (env.stream().noneMatch(e -> e.startsWith("PATH="))) {
                env.addFirst(DEFAULT_PATH);
            }
            Instant started = Instant.now();
            int code = session.runner.run(id, rootfs, argv, env, config.workingDir(), config.user(), out);
            if (code != 0) {
                kept = !session.request.forceRemove() && image.id() != null && keep(new StepContainer(id, image.id(),
                        argv, env, config.workingDir(), config.user(), new StepContainer.Exit(code, started, Instant.now())));
                throw new BuildFailedException(String.join(" ", argv), code);
            }
            CommittedLayer layer = session.committer.commit(id, session.request.sourceDateEpoch());
            kept = keepCompleted(id, argv, env, new StepContainer.Exit(0, started, Instant.now()));
            commit(config, probe, layer, id, null, key);
        } finally {
            if (!kept) {
                session.snapshots.removeQuietly(id);
            }
        }
    }

    /**
     * With {@code --rm=false} (and not {@code --force-rm}) dockerd leaves the container of every step that made one;
     * otherwise it says it removes it. The commit took the snapshot, so a kept one gets a fresh one on the parent.
     */
    private boolean keepCompleted(String id, List<String> argv, List<String> env, StepContainer.Exit exit)
            throws IOException {
        if (!session.request.remove() && !session.request.forceRemove() && image.id() != null) {
            session.snapshots.mount(id, image);
            if (keep(new StepContainer(id, image.id(), argv, env, config.workingDir(), config.user(), exit))) {
                return true;
            }
            session.snapshots.removeQuietly(id);
        }
        out.stream("Removing intermediate container " + id.substring(0, 12) + "\n");
        return false;
    }

    /** dockerd keeps a failed RUN's container unless --force-rm; a failure to keep one only loses it. */
    private boolean keep(StepContainer run) {
        try {
            session.snapshots.snapshotter().unmountRootfs(run.id());
            return session.keeper.keep(run);
        } catch (IOException | RuntimeException e) {
            System.getLogger(StageBuilder.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot keep the container of the step " + run.id(), e);
            return false;
        }
    }

    private void workdir(Instruction.Workdir workdir, Variables vars) throws IOException {
        String path = session.lexer.processWord(workdir.path(), vars);
        String current = config.workingDir() == null || config.workingDir().isEmpty() ? "/" : config.workingDir();
        String resolved = FileCopier.normalize(path.startsWith("/") ? path : current + "/" + path);
        config = config.withWorkingDir(resolved);
        RunConfig probe = config.withCmd(nop("WORKDIR " + resolved));
        Digest key = cacheKey(probe, "");
        if (cached(key)) {
            return;
        }
        String id = Snapshots.newId();
        out.stream(" ---> Running in " + id.substring(0, 12) + "\n");
        Path rootfs = session.snapshots.mount(id, image);
        boolean kept = false;
        try {
            ScopedPath.createDirectories(rootfs, resolved);
            CommittedLayer layer = session.committer.commit(id, session.request.sourceDateEpoch());
            kept = keepCompleted(id, probe.cmd(), config.envOrEmpty(), null);
            commit(config, probe, layer, id, null, key);
        } finally {
            if (!kept) {
                session.snapshots.removeQuietly(id);
            }
        }
    }

    /** A step without a container of its own: from the cache, or a new image with an empty layer. */
    private void commitStep(RunConfig next, RunConfig probe, CommittedLayer layer, String id, String author,
            boolean announce) throws IOException {
        Digest key = cacheKey(probe, author == null ? "" : "author " + author);
        if (cached(key)) {
            return;
        }
        String container = id != null ? id : Snapshots.newId();
        if (announce) {
            out.stream(" ---> Running in " + container.substring(0, 12) + "\n");
            keepCompleted(container, probe.cmd(), next.envOrEmpty(), null);
        }
        commit(next, probe, layer, container, author, key);
    }

    /** The cache key: the parent image and the step's container config, plus what else decides its result. */
    Digest cacheKey(RunConfig probe, String extra) {
        String parent = image.id() == null ? "scratch" : image.id().toString();
        // The parent is keyed already; Image and Hostname differ between a fresh and a cached parent config.
        byte[] configJson = Json.bytes(probe.withImage("").withHostname(""));
        String text = parent + "\n" + new String(configJson, StandardCharsets.UTF_8) + "\n" + extra;
        return Digest.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Takes the step from the cache when allowed and present. */
    boolean cached(Digest key) throws IOException {
        if (session.request.noCache()) {
            return false;
        }
        Optional<Digest> hit = session.cache.lookup(key);
        if (hit.isEmpty()) {
            return false;
        }
        Optional<Image> cachedImage = session.images.get(hit.get());
        if (cachedImage.isEmpty()) {
            return false;
        }
        image = session.writer.read(cachedImage.get());
        config = image.config().config();
        out.stream(" ---> Using cache\n");
        out.stream(" ---> " + image.id().shortId() + "\n");
        return true;
    }

    /** Writes the step's image (its history entry marks an empty layer), prints it, records it in the cache. */
    void commit(RunConfig next, RunConfig probe, CommittedLayer layer, String container, String author, Digest key)
            throws IOException {
        String parentId = image.id() == null ? "" : image.id().toString();
        RunConfig imageConfig = next.withImage(parentId);
        // With SOURCE_DATE_EPOCH the image must not depend on the random step id: no container names then.
        boolean reproducible = session.request.sourceDateEpoch() != null;
        String containerName = reproducible ? null : container;
        RunConfig containerConfig = probe.withImage(parentId).withHostname(reproducible ? "" : container.substring(0, 12));
        String created = session.now().toString();
        List<History> history = new ArrayList<>(image.config().history());
        history.add(new History(created, String.join(" ", probe.cmd()), null, null, layer == null ? Boolean.TRUE : null));
        List<Digest> diffIds = new ArrayList<>(image.diffIds());
        List<Descriptor> layers = new ArrayList<>(image.layers());
        if (layer != null) {
            diffIds.add(layer.diffId());
            layers.add(layer.blob());
        }
        BuiltImageConfig built = new BuiltImageConfig(image.config().architecture() == null
                ? Platform.host().architecture() : image.config().architecture(),
                author != null ? author : image.config().author(), imageConfig, containerName, containerConfig, created,
                null, history, "linux", RootFs.layers(diffIds));
        image = session.writer.write(built, layers, image.id());
        config = next;
        out.stream(" ---> " + image.id().shortId() + "\n");
        session.cache.record(key, image.id());
    }
}

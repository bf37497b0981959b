package dev.wharf.build.exec;

import dev.wharf.build.BuildException;
import dev.wharf.build.context.BuildContext;
import dev.wharf.build.context.ContextSource;
import dev.wharf.build.context.SourceDigest;
import dev.wharf.build.dockerfile.Heredoc;
import dev.wharf.build.dockerfile.Instruction;
import dev.wharf.build.expand.Variables;
import dev.wharf.build.image.RunConfig;
import dev.wharf.build.layer.CommittedLayer;
import dev.wharf.image.Digest;
import dev.wharf.runtime.ContainerSpec.ProcessUser;
import dev.wharf.runtime.UnknownUserException;
import dev.wharf.runtime.UserResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * COPY and ADD: sources from the context, another stage or image ({@code --from}), here-documents or (ADD)
 * URLs; cached on their content; written into a mounted snapshot and committed as the step's layer.
 */
final class Transfers {
    private final BuildSession session;
    private final StageBuilder stage;

    Transfers(BuildSession session, StageBuilder stage) {
        this.session = session;
        this.stage = stage;
    }

    void run(Instruction.Transfer transfer) throws IOException {
        String keyword = transfer.keyword();
        boolean add = transfer instanceof Instruction.Add;
        Variables vars = stage.variables();
        List<String> rawSources = new ArrayList<>();
        for (String source : transfer.sources()) {
            rawSources.add(source.startsWith("<<") ? source : session.lexer.processWord(source, vars));
        }
        String dest = session.lexer.processWord(transfer.destination(), vars);
        String workdir = stage.config().workingDir() == null || stage.config().workingDir().isEmpty()
                ? "/" : stage.config().workingDir();
        if (!dest.startsWith("/")) {
            dest = FileCopier.join(workdir, dest);
        }
        String from = transfer.flags().get("from");
        String fromSnapshot = null;
        Path scratch = Files.createDirectories(session.scratch).resolve("src-" + Snapshots.newId().substring(0, 12));
        try {
            BuildContext sourceRoot = session.context;
            if (from != null) {
                from = session.lexer.processWord(from, vars);
                StepImage fromImage = session.copySource(from, stage.index());
                fromSnapshot = Snapshots.newId();
                sourceRoot = BuildContext.at(session.snapshots.mount(fromSnapshot, fromImage));
            }
            List<ContextSource> sources = new ArrayList<>();
            for (String source : rawSources) {
                Heredoc heredoc = heredoc(transfer, source);
                if (heredoc != null) {
                    Files.createDirectories(scratch);
                    Path file = scratch.resolve(heredoc.name());
                    String content = heredoc.expand() ? session.lexer.processWord(heredoc.content(), vars) : heredoc.content();
                    Files.writeString(file, content);
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                    sources.add(new ContextSource(file, heredoc.name()));
                } else if (add && UrlFetcher.isUrl(source)) {
                    sources.add(new ContextSource(UrlFetcher.fetch(source, scratch), UrlFetcher.fileName(source)));
                } else {
                    sources.addAll(sourceRoot.resolve(keyword, source));
                }
            }
            boolean intoDirectory = dest.endsWith("/") || dest.endsWith("/.");
            boolean several = sources.size() > 1 || rawSources.stream().anyMatch(s -> s.contains("*") || s.contains("?"));
            if (several && !intoDirectory && sources.size() > 1) {
                throw new BuildException("When using " + keyword
                        + " with more than one source file, the destination must be a directory and end with a /");
            }
            Digest digest = SourceDigest.of(sources, sourceRoot);
            String kind = sources.size() > 1 ? "multi" : sourceRoot.isDirectory(sources.getFirst()) ? "dir" : "file";
            String comment = keyword + " " + kind + ":" + digest.encoded() + " in " + dest + " ";
            RunConfig probe = stage.config().withCmd(nopCommand(comment));
            Digest key = stage.cacheKey(probe, transfer.flags().toString() + " " + String.join(" ", rawSources));
            if (stage.cached(key)) {
                return;
            }
            sourceRoot.materialize(sources);
            String id = Snapshots.newId();
            Path rootfs = session.snapshots.mount(id, stage.image());
            try {
                Ownership owner = ownership(rootfs, transfer, vars, add);
                FileCopier copier = new FileCopier(rootfs, owner, session.request.sourceDateEpoch() != null
                        ? session.request.sourceDateEpoch() : Instant.EPOCH);
                for (ContextSource source : sources) {
                    boolean local = !UrlFetcher.isUrl(source.path().toString()) && from == null;
                    if (add && local && !source.path().startsWith(scratch) && Files.isRegularFile(source.path())
                            && ArchiveExtractor.isArchive(source.path())) {
                        ArchiveExtractor.extract(source.path(), rootfs, dest, copier, owner);
                    } else {
                        copier.copy(source.path(), source.name(), dest, intoDirectory || several);
                    }
                }
                CommittedLayer layer = session.committer.commit(id, session.request.sourceDateEpoch());
                stage.commit(stage.config(), probe, layer, id, null, key);
            } finally {
                session.snapshots.removeQuietly(id);
            }
        } finally {
            if (fromSnapshot != null) {
                session.snapshots.removeQuietly(fromSnapshot);
            }
            deleteTree(scratch);
        }
    }

    private List<String> nopCommand(String comment) {
        List<String> cmd = new ArrayList<>(stage.config().shellOrDefault());
        cmd.add("#(nop) ");
        cmd.add(comment);
        return cmd;
    }

    private static Heredoc heredoc(Instruction.Transfer transfer, String source) {
        if (!source.startsWith("<<")) {
            return null;
        }
        String name = source.replaceFirst("^<<-?", "").replace("\"", "").replace("'", "");
        return transfer.heredocs().stream().filter(h -> h.name().equals(name)).findFirst().orElse(null);
    }

    private Ownership ownership(Path rootfs, Instruction.Transfer transfer, Variables vars, boolean add)
            throws IOException {
        String chown = transfer.flags().get("chown");
        String chmod = transfer.flags().get("chmod");
        Integer mode = null;
        if (chmod != null) {
            try {
                mode = Integer.parseInt(session.lexer.processWord(chmod, vars), 8);
            } catch (NumberFormatException e) {
                throw new BuildException("invalid chmod parameter: " + chmod);
            }
        }
        if (chown == null) {
            return new Ownership(0, 0, mode, add);
        }
        String spec = session.lexer.processWord(chown, vars);
        String user = spec.contains(":") ? spec : spec + ":" + spec;
        try {
            ProcessUser resolved = UserResolver.resolve(rootfs, user);
            return new Ownership(resolved.uid(), resolved.gid(), mode, false);
        } catch (UnknownUserException e) {
            throw new BuildException("unable to convert uid/gid chown string to host mapping: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

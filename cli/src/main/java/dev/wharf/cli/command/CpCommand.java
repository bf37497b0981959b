package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.types.ContainerPathStat;
import dev.wharf.cli.CliFailure;
import dev.wharf.cli.archive.CopyInfo;
import dev.wharf.cli.archive.LocalCopy;
import dev.wharf.cli.archive.TarRebase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wharf cp}: like docker's {@code cp}, the client works out names and target directory
 * ({@link LocalCopy}) and the daemon packs or unpacks one path; {@code -} is a tar on stdin/stdout.
 */
@Command(name = "cp", mixinStandardHelpOptions = true,
        description = "Copy files/folders between a container and the local filesystem")
public final class CpCommand extends EngineCommand {

    @Option(names = {"-a", "--archive"}, description = "Archive mode (copy all uid/gid information)")
    private boolean archive;

    @Option(names = {"-L", "--follow-link"}, description = "Always follow symbol link in SRC_PATH")
    private boolean followLink;

    @Option(names = {"-q", "--quiet"}, description = "Suppress progress output during copy")
    private boolean quiet;

    @Parameters(index = "0", paramLabel = "SRC_PATH")
    private String source;

    @Parameters(index = "1", paramLabel = "DEST_PATH")
    private String destination;

    /** {@code container:path}, or a local path (container null). */
    private record Arg(String container, String path) {
        static Arg parse(String text) {
            if (text.startsWith("/") || text.startsWith(".")) {
                return new Arg(null, text); // docker: a path that looks local is local, colons and all
            }
            int colon = text.indexOf(':');
            return colon < 0 ? new Arg(null, text) : new Arg(text.substring(0, colon), text.substring(colon + 1));
        }
    }

    @Override
    public Integer call() throws IOException {
        Arg src = Arg.parse(source);
        Arg dst = Arg.parse(destination);
        if (src.container() != null && dst.container() != null) {
            throw new CliFailure(1, "copying between containers is not supported");
        }
        if (src.container() == null && dst.container() == null) {
            throw new CliFailure(1, "must specify at least one container source");
        }
        if (src.container() != null && src.container().isEmpty() || dst.container() != null && dst.container().isEmpty()) {
            throw new CliFailure(1, "must specify at least one container source");
        }
        try {
            if (src.container() != null) {
                fromContainer(src, dst.path());
            } else {
                toContainer(src.path(), dst);
            }
        } catch (EngineErrorException e) {
            throw e;
        } catch (IOException e) {
            throw new CliFailure(1, message(e));
        }
        return 0;
    }

    private void fromContainer(Arg src, String dstArg) throws IOException {
        EngineClient client = client();
        String dstPath = dstArg.equals("-") ? "-" : LocalCopy.absolute(dstArg);
        if (!dstPath.equals("-")) {
            validateOutputPath(dstPath);
        }
        String srcPath = src.path();
        String rebaseName = null;
        if (followLink) {
            ContainerPathStat stat = statOrNull(client, src.container(), srcPath);
            if (stat != null && stat.isSymlink()) {
                String linkTarget = stat.linkTarget();
                if (!linkTarget.startsWith("/")) {
                    linkTarget = LocalCopy.splitPathDirEntry(srcPath)[0] + "/" + linkTarget;
                }
                String base = LocalCopy.splitPathDirEntry(srcPath)[1];
                if (!base.equals(LocalCopy.splitPathDirEntry(linkTarget)[1])) {
                    rebaseName = base;
                }
                srcPath = linkTarget;
            }
        }
        EngineClient.PathArchive content = client.copyFromContainer(src.container(), srcPath);
        try (InputStream tar = content.tar()) {
            if (dstPath.equals("-")) {
                tar.transferTo(out());
                out().flush();
                return;
            }
            // With -L the daemon named the entries after the link's target; they take the link's name.
            InputStream prepared = rebaseName == null ? tar
                    : TarRebase.rebase(tar, LocalCopy.splitPathDirEntry(srcPath)[1], rebaseName);
            LocalCopy.extract(prepared, new CopyInfo(srcPath, true, content.stat().isDirectory(), rebaseName), dstPath);
        }
    }

    private void toContainer(String srcArg, Arg dst) throws IOException {
        EngineClient client = client();
        String dstPath = dst.path();
        CopyInfo dstInfo = new CopyInfo(dstPath, false, false, null);
        ContainerPathStat stat = statOrNull(client, dst.container(), dstPath);
        if (stat != null && stat.isSymlink()) {
            String linkTarget = stat.linkTarget();
            if (!linkTarget.startsWith("/")) {
                linkTarget = LocalCopy.splitPathDirEntry(dstPath)[0] + "/" + linkTarget;
            }
            dstInfo = new CopyInfo(linkTarget, false, false, null);
            stat = statOrNull(client, dst.container(), linkTarget);
        }
        if (stat != null && stat.isSpecial()) {
            throw new CliFailure(1, "destination \"" + dst.container() + ":" + dstPath
                    + "\" must be a directory or a regular file");
        }
        if (stat != null) {
            dstInfo = new CopyInfo(dstInfo.path(), true, stat.isDirectory(), null);
        }
        if (srcArg.equals("-")) {
            if (!dstInfo.isDir()) {
                throw new CliFailure(1, "destination \"" + dst.container() + ":" + dstPath + "\" must be a directory");
            }
            client.copyToContainer(dst.container(), dstInfo.path(), streams().in(), true, archive);
            return;
        }
        CopyInfo srcInfo = LocalCopy.sourceInfo(LocalCopy.absolute(srcArg), followLink);
        LocalCopy.Prepared prepared = LocalCopy.prepare(LocalCopy.tar(srcInfo), srcInfo, dstInfo);
        try (InputStream tar = prepared.archive()) {
            client.copyToContainer(dst.container(), prepared.directory(), tar, true, archive);
        }
    }

    /** The path's stat, or null on any error: docker ignores it here and lets the copy itself fail with the daemon's message. */
    private static ContainerPathStat statOrNull(EngineClient client, String container, String path) throws IOException {
        try {
            return client.containerStatPath(container, path);
        } catch (EngineErrorException e) {
            return null;
        }
    }

    /** The CLI's {@code ValidateOutputPath}. */
    private static void validateOutputPath(String path) throws IOException {
        Path parent = Path.of(LocalCopy.splitPathDirEntry(path)[0]);
        if (!Files.exists(parent)) {
            throw new CliFailure(1, "invalid output path: directory \"" + parent + "\" does not exist");
        }
        Path target = Path.of(path);
        if (Files.exists(target) && !Files.isDirectory(target) && !Files.isRegularFile(target)) {
            throw new CliFailure(1, "invalid output path: \"" + path + "\" must be a directory or a regular file");
        }
    }

    private static String message(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return "lstat " + missing.getFile() + ": no such file or directory";
        }
        return e.getMessage();
    }
}

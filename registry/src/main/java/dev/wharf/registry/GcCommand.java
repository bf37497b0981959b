package dev.wharf.registry;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf registry gc}: removes blobs no manifest references. */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = "Remove blobs that no manifest references (safe while the registry serves).")
final class GcCommand implements Callable<Integer> {
    @Option(names = "--root", paramLabel = "DIR", required = true, description = "storage directory")
    Path root;

    @Option(names = "--dry-run", description = "only print what would be removed")
    boolean dryRun;

    @Option(names = "--delete-untagged", description = "also remove manifests no tag (or tagged index) reaches")
    boolean deleteUntagged;

    @Override
    public Integer call() {
        System.err.println("wharf registry gc: not implemented yet");
        return 1;
    }
}

package dev.wharf.registry;

import dev.wharf.registry.gc.GarbageCollector;
import dev.wharf.registry.storage.BlobStorage;
import dev.wharf.registry.storage.UploadState;
import dev.wharf.registry.storage.fs.FileSystemStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf registry gc}: removes blobs no manifest references, safe to run beside a serving registry. */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = "Remove blobs that no manifest references (safe while the registry serves).")
final class GcCommand implements Callable<Integer> {
    @Option(names = "--root", paramLabel = "DIR", required = true, description = "storage directory")
    Path root;

    @Option(names = "--dry-run", description = "only print what would be removed")
    boolean dryRun;

    @Option(names = "--delete-untagged", description = "also remove manifests no tag (or tagged index, or kept subject) reaches")
    boolean deleteUntagged;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "keep unreferenced content used within this time, e.g. for a push in progress (default ${DEFAULT-VALUE})")
    Duration grace;

    @Option(names = "--upload-max-age", paramLabel = "DURATION", defaultValue = "24h", converter = DurationConverter.class,
            description = "cancel upload sessions idle for longer (default ${DEFAULT-VALUE})")
    Duration uploadMaxAge;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(root.resolve("blobs"))) {
            System.err.println("wharf registry gc: no registry storage at " + root);
            return 1;
        }
        GarbageCollector.Report report = new GarbageCollector(FileSystemStorage.open(root), grace, uploadMaxAge)
                .collect(dryRun, deleteUntagged);
        String verb = dryRun ? "would remove" : "removed";
        report.manifests().forEach(manifest -> System.out.println(verb + " manifest " + manifest));
        for (BlobStorage.StoredBlob blob : report.blobs()) {
            System.out.println(verb + " blob " + blob.digest() + " (" + blob.size() + " bytes)");
        }
        for (UploadState upload : report.uploads()) {
            System.out.println(verb + " upload " + upload.id() + " of " + upload.repository());
        }
        System.out.printf("%s %d manifests, %d blobs (%d bytes), %d uploads%n", verb, report.manifests().size(),
                report.blobs().size(), report.bytes(), report.uploads().size());
        return 0;
    }

    /** {@code 90s}, {@code 30m}, {@code 1h}, {@code 7d}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern FORMAT = Pattern.compile("(\\d+)([smhd])");

        @Override
        public Duration convert(String value) {
            Matcher m = FORMAT.matcher(value);
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("invalid duration " + value + " (want e.g. 90s, 30m, 1h, 7d)");
            }
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
    }
}

package dev.wharf.registry;

import dev.wharf.registry.config.RegistryConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf registry serve}: the configuration file's settings, overridden by flags. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the registry in the foreground.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file")
    Path configFile;

    @Option(names = "--addr", paramLabel = "HOST:PORT", description = "address to listen on (default " + Registry.DEFAULT_ADDR + ")")
    String addr;

    @Option(names = "--root", paramLabel = "DIR", description = "storage directory")
    Path root;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "TLS certificate chain (PEM)")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "TLS private key (PEM)")
    Path tlsKey;

    @Option(names = "--htpasswd", paramLabel = "FILE", description = "require basic auth against this htpasswd file (bcrypt)")
    Path htpasswd;

    @Option(names = "--token-auth", description = "use the Docker token flow (tokens issued at /token) instead of basic auth")
    boolean tokenAuth;

    @Option(names = "--delete-enabled", description = "allow deleting manifests, tags and blobs")
    boolean deleteEnabled;

    @Option(names = "--read-only", description = "refuse every write")
    boolean readOnly;

    @Option(names = "--max-manifest-size", paramLabel = "BYTES", description = "largest manifest accepted (default 4 MiB)")
    Integer maxManifestBytes;

    @Option(names = "--max-blob-size", paramLabel = "BYTES", description = "largest blob accepted")
    Long maxBlobBytes;

    @Option(names = "--access-log", negatable = true, description = "log each request to stdout")
    Boolean accessLog;

    @Override
    public Integer call() throws Exception {
        RegistryConfig config = ConfigOverrides.apply(configFile == null ? RegistryConfig.empty()
                : RegistryConfig.load(configFile), this);
        try (Registry registry = Registry.start(config)) {
            System.err.println("wharf registry listening on " + registry.address() + ", storage " + config.root());
            Runtime.getRuntime().addShutdownHook(new Thread(registry::close));
            registry.awaitClose();
        }
        return 0;
    }
}

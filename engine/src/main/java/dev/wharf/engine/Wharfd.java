package dev.wharf.engine;

import dev.wharf.engine.log.Logging;
import java.nio.file.Path;

/** {@code wharfd}: the daemon in the foreground, logging to stderr; SIGTERM or SIGINT stop it cleanly. */
public final class Wharfd {
    private static final String USAGE = """
            Usage: wharfd [OPTIONS]

            A Docker-compatible container engine.

            Options:
              -H, --host string        Daemon socket to listen on (default "unix:///run/wharf/wharf.sock")
                  --data-root string   Root directory of persistent state (default "/var/lib/wharf")
                  --exec-root string   Root directory for execution state (default "/run/wharf")
                  --busybox string     Static busybox for the built-in image (default "/bin/busybox")
                  --cgroup-parent string   Parent cgroup for all containers (default "/wharf")
                  --insecure-registry list   Enable insecure registry communication
                  --registry-mirror list     Preferred Docker registry mirror
              -l, --log-level string   Set the logging level ("debug"|"info"|"warn"|"error"|"fatal") (default "info")
              -h, --help               Print usage
            """;

    private Wharfd() {}

    public static void main(String[] args) throws Exception {
        DaemonConfig config = DaemonConfig.defaults();
        String logLevel = "info";
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
                switch (name) {
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    case "-H", "--host" -> config = config.withHost(inline != null ? inline : value(args, ++i, name));
                    case "--data-root" -> config = config.withDataRoot(Path.of(inline != null ? inline : value(args, ++i, name)));
                    case "--exec-root" -> config = config.withExecRoot(Path.of(inline != null ? inline : value(args, ++i, name)));
                    case "--busybox" -> config = config.withBusybox(Path.of(inline != null ? inline : value(args, ++i, name)));
                    case "--cgroup-parent" -> config = config.withCgroupParent(inline != null ? inline : value(args, ++i, name));
                    case "--insecure-registry" ->
                            config = config.withInsecureRegistry(inline != null ? inline : value(args, ++i, name));
                    case "--registry-mirror" -> config = config.withRegistryMirror(
                            java.net.URI.create(inline != null ? inline : value(args, ++i, name)));
                    case "-l", "--log-level" -> logLevel = inline != null ? inline : value(args, ++i, name);
                    default -> throw new IllegalArgumentException("unknown flag: " + arg);
                }
            }
            config.socketPath();
            Logging.install(logLevel);
        } catch (IllegalArgumentException e) {
            System.err.println("wharfd: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(125);
            return;
        }

        System.Logger log = System.getLogger(Wharfd.class.getName());
        log.log(System.Logger.Level.INFO, "Starting up wharfd " + WharfVersion.WHARF + " (Engine API "
                + dev.wharf.engine.http.ApiVersion.MAX + ", Java " + Runtime.version() + ")");
        Daemon daemon;
        try {
            daemon = Daemon.start(config);
        } catch (Exception e) {
            log.log(System.Logger.Level.ERROR, "failed to start daemon: " + e.getMessage(), e);
            System.exit(1);
            return;
        }
        // JVM shutdown hooks run on SIGTERM and SIGINT.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.log(System.Logger.Level.INFO, "Processing signal 'terminated'");
            daemon.close();
        }, "wharfd-shutdown"));
        log.log(System.Logger.Level.INFO, "Daemon has completed initialization");
        daemon.awaitClose();
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException("flag needs an argument: " + flag);
        }
        return args[index];
    }
}

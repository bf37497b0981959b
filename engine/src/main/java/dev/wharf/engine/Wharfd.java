package dev.wharf.engine;

import dev.wharf.engine.log.Logging;

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
                  --bridge string      Attach containers to a network bridge (default "wharf0")
                  --bip string         Specify network bridge IP (default "172.30.0.1/16")
                  --default-address-pool string   Default address pool for user-defined networks (default "base=10.210.0.0/16,size=24")
                  --insecure-registry list   Enable insecure registry communication
                  --registry-mirror list     Preferred Docker registry mirror
                  --dns list           DNS server the networks' DNS servers forward to (default: the host's)
              -l, --log-level string   Set the logging level ("debug"|"info"|"warn"|"error"|"fatal") (default "info")
              -h, --help               Print usage
            """;

    private Wharfd() {}

    public static void main(String[] args) throws Exception {
        DaemonConfig config;
        try {
            WharfdFlags flags = WharfdFlags.parse(args);
            if (flags.help()) {
                System.out.print(USAGE);
                return;
            }
            config = flags.config();
            config.socketPath();
            Logging.install(flags.logLevel());
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
}

package dev.wharf.cli.command;

import dev.wharf.api.types.SystemInfo;
import dev.wharf.cli.WharfVersion;
import dev.wharf.cli.format.HumanUnits;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code wharf info}: a readable subset of docker info's server section. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Display system-wide information.")
public final class InfoCommand extends EngineCommand {

    @Override
    public Integer call() throws IOException {
        var out = out();
        out.println("Client:");
        out.println(" Version:    " + WharfVersion.VERSION);
        out.println(" Context:    default");
        out.println(" Debug Mode: " + debug());
        out.println();
        SystemInfo info = client().info();
        out.println("Server:");
        out.println(" Containers: " + info.containers());
        out.println("  Running: " + info.containersRunning());
        out.println("  Paused: " + info.containersPaused());
        out.println("  Stopped: " + info.containersStopped());
        out.println(" Images: " + info.images());
        out.println(" Server Version: " + text(info.serverVersion()));
        out.println(" Storage Driver: " + text(info.driver()));
        if (info.driverStatus() != null) {
            info.driverStatus().stream().filter(pair -> pair.size() == 2)
                    .forEach(pair -> out.println("  " + pair.get(0) + ": " + pair.get(1)));
        }
        out.println(" Logging Driver: " + text(info.loggingDriver()));
        out.println(" Cgroup Driver: " + text(info.cgroupDriver()));
        out.println(" Cgroup Version: " + text(info.cgroupVersion()));
        if (info.plugins() != null) {
            out.println(" Plugins:");
            list(out, "  Volume:", info.plugins().volume());
            list(out, "  Network:", info.plugins().network());
            list(out, "  Log:", info.plugins().log());
        }
        out.println(" Swarm: " + (info.swarm() == null ? "inactive" : text(info.swarm().localNodeState())));
        if (info.runtimes() != null) {
            out.println(" Runtimes: " + String.join(" ", info.runtimes().keySet()));
        }
        out.println(" Default Runtime: " + text(info.defaultRuntime()));
        out.println(" Init Binary: " + text(info.initBinary()));
        if (info.securityOptions() != null && !info.securityOptions().isEmpty()) {
            out.println(" Security Options:");
            info.securityOptions().forEach(option -> out.println("  " + option.replace("name=", "").replace(",", " ")));
        }
        out.println(" Kernel Version: " + text(info.kernelVersion()));
        out.println(" Operating System: " + text(info.operatingSystem()));
        out.println(" OSType: " + text(info.osType()));
        out.println(" Architecture: " + text(info.architecture()));
        out.println(" CPUs: " + info.ncpu());
        out.println(" Total Memory: " + HumanUnits.bytesSize(info.memTotal()));
        out.println(" Name: " + text(info.name()));
        out.println(" ID: " + text(info.id()));
        out.println(" Docker Root Dir: " + text(info.dockerRootDir()));
        out.println(" Debug Mode: " + info.debug());
        out.println(" Experimental: " + info.experimentalBuild());
        if (info.registryConfig() != null && info.registryConfig().insecureRegistryCidrs() != null) {
            out.println(" Insecure Registries:");
            info.registryConfig().insecureRegistryCidrs().forEach(cidr -> out.println("  " + cidr));
        }
        out.println(" Live Restore Enabled: " + info.liveRestoreEnabled());
        out.flush();
        if (info.warnings() != null) {
            info.warnings().forEach(err()::println);
        }
        return 0;
    }

    private static void list(PrintStream out, String label, List<String> values) {
        out.println(label + " " + (values == null ? "" : String.join(" ", values)));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

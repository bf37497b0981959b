package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import dev.wharf.api.types.ComponentVersion;
import dev.wharf.cli.WharfVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;

/** {@code wharf version}: Client section, then the Server section in docker's layout. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Show the wharf version information.")
public final class VersionCommand extends EngineCommand {

    private static final DateTimeFormatter ANSIC = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    @Override
    public Integer call() throws IOException {
        var out = out();
        String negotiated = client().apiVersion();
        out.println("Client:");
        line(out, " ", "Version:", WharfVersion.VERSION);
        line(out, " ", "API version:", negotiated.equals(EngineClient.MAX_API_VERSION) ? negotiated
                : negotiated + " (downgraded from " + EngineClient.MAX_API_VERSION + ")");
        line(out, " ", "Java version:", Runtime.version().toString());
        line(out, " ", "OS/Arch:", "linux/" + goArch(System.getProperty("os.arch")));
        line(out, " ", "Context:", "default");
        out.println();
        var server = client().version();
        String platform = server.platform() == null || server.platform().name() == null ? "" : server.platform().name();
        out.println(platform.isEmpty() ? "Server:" : "Server: " + platform);
        if (server.components() == null || server.components().isEmpty()) {
            engine(out, server.version(), server.apiVersion(), server.minApiVersion(), server.goVersion(), server.gitCommit(),
                    server.buildTime(), server.os() + "/" + server.arch(), String.valueOf(Boolean.TRUE.equals(server.experimental())));
        }
        for (ComponentVersion component : server.components() == null ? java.util.List.<ComponentVersion>of() : server.components()) {
            Map<String, String> details = component.details() == null ? Map.of() : component.details();
            if (component.name().equals("Engine")) {
                engine(out, component.version(), details.get("ApiVersion"), details.get("MinAPIVersion"), details.get("GoVersion"),
                        details.get("GitCommit"), details.get("BuildTime"), details.get("Os") + "/" + details.get("Arch"),
                        details.getOrDefault("Experimental", "false"));
            } else {
                out.println(" " + component.name() + ":");
                line(out, "  ", "Version:", component.version());
                new TreeMap<>(details).forEach((key, value) -> line(out, "  ", key + ":", value));
            }
        }
        return 0;
    }

    private static void engine(PrintStream out, String version, String api, String minApi, String go, String commit,
                                                          String built, String osArch, String experimental) {
        out.println(" Engine:");
        line(out, "  ", "Version:", version);
        line(out, "  ", "API version:", api + " (minimum version " + minApi + ")");
        line(out, "  ", "Go version:", go);
        line(out, "  ", "Git commit:", commit);
        line(out, "  ", "Built:", ansic(built));
        line(out, "  ", "OS/Arch:", osArch);
        line(out, "  ", "Experimental:", experimental);
    }

    /** docker aligns values at column 20 whatever the indent. */
    private static void line(PrintStream out, String indent, String key, String value) {
        out.println(indent + key + " ".repeat(Math.max(1, 20 - indent.length() - key.length())) + (value == null ? "" : value));
    }

    private static String ansic(String buildTime) {
        if (buildTime == null || buildTime.isEmpty()) {
            return "";
        }
        try {
            return OffsetDateTime.parse(buildTime).withOffsetSameInstant(ZoneOffset.UTC).format(ANSIC);
        } catch (DateTimeParseException e) {
            return buildTime;
        }
    }

    static String goArch(String javaArch) {
        return switch (javaArch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> javaArch;
        };
    }
}

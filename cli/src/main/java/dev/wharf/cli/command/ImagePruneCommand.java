package dev.wharf.cli.command;

import dev.wharf.api.types.ImageDeleteResponseItem;
import dev.wharf.api.types.ImagePruneResponse;
import dev.wharf.cli.format.HumanUnits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf image prune [-a] [-f] [--filter k=v]}: asks first unless {@code -f}, as docker does. */
@Command(name = "prune", mixinStandardHelpOptions = true, description = "Remove unused images.")
public final class ImagePruneCommand extends EngineCommand {

    @Option(names = {"-a", "--all"}, description = "Remove all unused images, not just dangling ones.")
    private boolean all;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation.")
    private boolean force;

    @Option(names = "--filter", description = "Provide filter values (e.g. \"until=<timestamp>\").")
    private List<String> filters = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        String warning = all ? "WARNING! This will remove all images without at least one container associated to them."
                : "WARNING! This will remove all dangling images.";
        if (!force && !confirm(warning)) {
            return 0;
        }
        ImagePruneResponse response = client().imagePrune(filterMap(all, filters));
        print(response, out());
        return 0;
    }

    static Map<String, List<String>> filterMap(boolean all, List<String> filters) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("dangling", List.of(all ? "false" : "true"));
        for (String filter : filters) {
            int eq = filter.indexOf('=');
            String key = eq < 0 ? filter : filter.substring(0, eq);
            map.computeIfAbsent(key, k -> new ArrayList<>()).add(eq < 0 ? "" : filter.substring(eq + 1));
        }
        return map;
    }

    static void print(ImagePruneResponse response, PrintStream out) {
        printDeleted(response, out);
        printTotal(response.spaceReclaimed(), out);
    }

    static void printDeleted(ImagePruneResponse response, PrintStream out) {
        List<ImageDeleteResponseItem> deleted = response.imagesDeleted() == null ? List.of() : response.imagesDeleted();
        if (!deleted.isEmpty()) {
            out.println("Deleted Images:");
            for (ImageDeleteResponseItem item : deleted) {
                out.println(item.untagged() != null ? "untagged: " + item.untagged() : "deleted: " + item.deleted());
            }
            out.println();
        }
    }

    static void printTotal(long reclaimed, PrintStream out) {
        out.println("Total reclaimed space: " + HumanUnits.size(reclaimed));
    }

    private boolean confirm(String warning) throws IOException {
        out().println(warning);
        out().print("Are you sure you want to continue? [y/N] ");
        out().flush();
        String answer = new BufferedReader(new InputStreamReader(streams().in(), StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().equalsIgnoreCase("y");
    }
}

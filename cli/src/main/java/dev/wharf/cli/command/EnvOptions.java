package dev.wharf.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Docker's -e / --env-file semantics: a bare NAME takes its value from the CLI's environment. */
final class EnvOptions {

    private EnvOptions() {}

    static List<String> resolve(List<String> envFiles, List<String> envs, Map<String, String> hostEnv) throws IOException {
        var result = new ArrayList<String>();
        for (String file : envFiles) {
            for (String line : Files.readAllLines(Path.of(file))) {
                String entry = line.stripLeading();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    add(result, entry, hostEnv);
                }
            }
        }
        for (String env : envs) {
            add(result, env, hostEnv);
        }
        return result;
    }

    private static void add(List<String> result, String entry, Map<String, String> hostEnv) {
        if (entry.contains("=")) {
            result.add(entry);
        } else if (hostEnv.containsKey(entry)) {
            result.add(entry + "=" + hostEnv.get(entry));
        }
        // an unset bare name is dropped, as docker does
    }

    /** --label-file lines (blank and # lines skipped), then -l key=value (or bare key → empty value). */
    static Map<String, String> labels(List<String> labelFiles, List<String> labels) throws IOException {
        var all = new ArrayList<String>();
        for (String file : labelFiles) {
            Files.readAllLines(Path.of(file)).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(all::add);
        }
        all.addAll(labels);
        var result = new java.util.LinkedHashMap<String, String>();
        for (String label : all) {
            int eq = label.indexOf('=');
            result.put(eq < 0 ? label : label.substring(0, eq), eq < 0 ? "" : label.substring(eq + 1));
        }
        return result;
    }
}

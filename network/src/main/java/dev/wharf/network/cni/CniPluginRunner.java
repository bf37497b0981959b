package dev.wharf.network.cni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one CNI plugin binary per the CNI spec: parameters in the environment, the plugin's config on
 * stdin, the result (or an error object, with exit status 1) on stdout.
 */
public final class CniPluginRunner {
    public static final Path DEFAULT_PLUGIN_DIR = Path.of("/usr/lib/cni");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path pluginDir;

    public CniPluginRunner(Path pluginDir) {
        this.pluginDir = pluginDir;
    }

    /** The invocation parameters shared by every plugin of one ADD or DEL. */
    public record Invocation(CniCommand command, String containerId, Path netns, String ifname, String args) {}

    /** @return the plugin's result; an empty object for a DEL that printed nothing */
    public JsonNode run(String type, Invocation call, JsonNode config) throws IOException {
        Path binary = pluginDir.resolve(type);
        if (!Files.isExecutable(binary)) {
            throw new CniException(type, call.command(), 0, "failed to find plugin \"" + type + "\" in path [" + pluginDir + "]");
        }
        ProcessBuilder builder = new ProcessBuilder(binary.toString()).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.put("CNI_COMMAND", call.command().name());
        env.put("CNI_CONTAINERID", call.containerId());
        env.put("CNI_NETNS", call.netns().toString());
        env.put("CNI_IFNAME", call.ifname());
        env.put("CNI_ARGS", call.args());
        env.put("CNI_PATH", pluginDir.toString());
        Process process = builder.start();
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                runnable -> Thread.ofVirtual().start(runnable));
        try (var stdin = process.getOutputStream()) {
            JSON.writeValue(stdin, config);
        }
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running CNI plugin " + type, e);
        }
        byte[] output = stdout.join();
        JsonNode reply = output.length == 0 ? JSON.createObjectNode() : parse(type, call.command(), output);
        if (status != 0) {
            throw new CniException(type, call.command(), reply.path("code").asInt(), errorText(reply, output));
        }
        return reply;
    }

    private static JsonNode parse(String type, CniCommand command, byte[] output) throws CniException {
        try {
            return JSON.readTree(output);
        } catch (IOException e) {
            throw new CniException(type, command, 0, "invalid output: " + new String(output, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String errorText(JsonNode reply, byte[] output) {
        String msg = reply.path("msg").asText("");
        String details = reply.path("details").asText("");
        if (msg.isEmpty()) {
            return new String(output, java.nio.charset.StandardCharsets.UTF_8).strip();
        }
        return details.isEmpty() ? msg : msg + ": " + details;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}

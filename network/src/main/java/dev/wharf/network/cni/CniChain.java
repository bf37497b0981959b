package dev.wharf.network.cni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What libcni does with a conflist: ADD runs the plugins in order, each given the previous result;
 * DEL runs them in reverse, each given the stored final ADD result. Each plugin gets its own entry
 * plus {@code cniVersion}, {@code name} and the runtimeConfig of the capabilities it declared.
 */
public final class CniChain {
    private final CniPluginRunner runner;

    public CniChain(CniPluginRunner runner) {
        this.runner = runner;
    }

    /** The final result of the chain. */
    public JsonNode add(JsonNode conflist, CniPluginRunner.Invocation call, JsonNode runtimeConfig) throws IOException {
        JsonNode result = null;
        for (JsonNode plugin : conflist.path("plugins")) {
            result = runner.run(plugin.path("type").asText(), call, pluginConfig(conflist, plugin, runtimeConfig, result));
        }
        return result;
    }

    /** {@code addResult} may be null (ADD never finished); DEL must still run to free what was taken. */
    public void delete(JsonNode conflist, CniPluginRunner.Invocation call, JsonNode runtimeConfig, JsonNode addResult)
            throws IOException {
        List<JsonNode> plugins = new java.util.ArrayList<>();
        conflist.path("plugins").forEach(plugins::add);
        IOException first = null;
        for (JsonNode plugin : plugins.reversed()) {
            try {
                runner.run(plugin.path("type").asText(), call, pluginConfig(conflist, plugin, runtimeConfig, addResult));
            } catch (IOException e) {
                first = first == null ? e : first; // keep going: the other plugins still hold their state
            }
        }
        if (first != null) {
            throw first;
        }
    }

    static ObjectNode pluginConfig(JsonNode conflist, JsonNode plugin, JsonNode runtimeConfig, JsonNode prevResult) {
        ObjectNode config = plugin.deepCopy();
        config.put("cniVersion", conflist.path("cniVersion").asText());
        config.put("name", conflist.path("name").asText());
        config.remove("capabilities");
        ObjectNode runtime = config.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> caps = plugin.path("capabilities").fields(); caps.hasNext(); ) {
            var cap = caps.next();
            if (cap.getValue().asBoolean() && runtimeConfig != null && runtimeConfig.has(cap.getKey())) {
                runtime.set(cap.getKey(), runtimeConfig.get(cap.getKey()));
            }
        }
        if (!runtime.isEmpty()) {
            config.set("runtimeConfig", runtime);
        }
        if (prevResult != null) {
            config.set("prevResult", prevResult);
        }
        return config;
    }
}

package dev.wharf.runtime.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.runtime.ContainerSpec.ProcessUser;
import dev.wharf.runtime.ExecSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The OCI {@code process} object of an exec, which conmon hands to {@code runc exec --process}. As moby
 * does, it starts from the container's own process (capabilities, rlimits, no-new-privileges,
 * AppArmor…) and replaces what the exec decides: argv, env, cwd, user, TTY; {@code --privileged}
 * widens the capabilities to all the daemon holds.
 */
public final class ExecProcessSpec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExecProcessSpec() {}

    /** @param containerConfig the container's bundle config.json */
    public static void write(ExecSpec spec, Path containerConfig, Path file) throws IOException {
        JSON.writeValue(file.toFile(), generate(spec, JSON.readTree(containerConfig.toFile()).path("process")));
    }

    static ObjectNode generate(ExecSpec spec, JsonNode containerProcess) {
        ObjectNode process = containerProcess.isObject() ? ((ObjectNode) containerProcess).deepCopy() : JSON.createObjectNode();
        ProcessUser user = spec.user() == null ? ProcessUser.ROOT : spec.user();
        process.put("terminal", spec.tty());
        process.set("user", JSON.valueToTree(new OciProcess.OciUser(user.uid(), user.gid(), user.additionalGids())));
        process.set("args", JSON.valueToTree(spec.args()));
        process.set("env", JSON.valueToTree(spec.env() == null ? List.of() : spec.env()));
        process.put("cwd", spec.workingDir() == null || spec.workingDir().isEmpty() ? "/" : spec.workingDir());
        process.remove("consoleSize");
        if (spec.privileged()) {
            List<String> all = Capabilities.supported();
            process.set("capabilities", JSON.valueToTree(new OciProcess.OciCapabilities(all, all, all)));
        }
        return process;
    }
}

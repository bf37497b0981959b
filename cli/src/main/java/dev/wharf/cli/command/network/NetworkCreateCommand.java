package dev.wharf.cli.command.network;

import dev.wharf.api.client.EngineErrorException;
import dev.wharf.api.types.Ipam;
import dev.wharf.api.types.NetworkCreateRequest;
import dev.wharf.cli.command.EngineCommand;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wharf network create}: prints the new network's ID. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create a network.")
final class NetworkCreateCommand extends EngineCommand {
    @Option(names = {"-d", "--driver"}, defaultValue = "bridge", description = "Driver to manage the Network.")
    private String driver;

    @Option(names = "--subnet", description = "Subnet in CIDR format that represents a network segment.")
    private List<String> subnets = List.of();

    @Option(names = "--gateway", description = "IPv4 or IPv6 Gateway for the master subnet.")
    private List<String> gateways = List.of();

    @Option(names = "--ip-range", description = "Allocate container ip from a sub-range.")
    private List<String> ipRanges = List.of();

    @Option(names = "--internal", description = "Restrict external access to the network.")
    private boolean internal;

    @Option(names = "--attachable", description = "Enable manual container attachment.")
    private boolean attachable;

    @Option(names = "--label", description = "Set metadata on a network.")
    private List<String> labels = List.of();

    @Option(names = {"-o", "--opt"}, description = "Set driver specific options.")
    private List<String> options = List.of();

    @Parameters(index = "0", paramLabel = "NETWORK")
    private String name;

    @Override
    public Integer call() throws IOException {
        if (gateways.size() > subnets.size() || ipRanges.size() > subnets.size()) {
            err().println("no matching subnet for " + (gateways.size() > subnets.size() ? "gateway " + gateways.getFirst()
                    : "range " + ipRanges.getFirst()));
            return 1;
        }
        List<Ipam.Config> pools = new java.util.ArrayList<>();
        for (int i = 0; i < subnets.size(); i++) {
            pools.add(new Ipam.Config(subnets.get(i), i < ipRanges.size() ? ipRanges.get(i) : "",
                    i < gateways.size() ? gateways.get(i) : "", Map.of()));
        }
        var request = new NetworkCreateRequest(name, true, driver, "", internal, attachable, false,
                new Ipam("default", Map.of(), pools), null, keyValues(options), keyValues(labels));
        try {
            out().println(client().networkCreate(request).id());
            return 0;
        } catch (EngineErrorException e) {
            return daemonError(e);
        }
    }

    static Map<String, String> keyValues(List<String> pairs) {
        var map = new LinkedHashMap<String, String>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            map.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return map;
    }
}

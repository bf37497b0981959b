package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import dev.wharf.api.types.ContainerUpdateRequest;
import dev.wharf.api.types.RestartPolicy;
import dev.wharf.cli.format.ByteSizes;
import java.io.IOException;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wharf update}: new resource limits and restart policy for one or more containers. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Update configuration of one or more containers.")
public final class UpdateCommand extends ContainerBatchCommand {

    @Option(names = {"-m", "--memory"}, description = "Memory limit.")
    private String memory;

    @Option(names = "--memory-reservation", description = "Memory soft limit.")
    private String memoryReservation;

    @Option(names = "--memory-swap", description = "Swap limit equal to memory plus swap: -1 to enable unlimited swap.")
    private String memorySwap;

    @Option(names = "--cpus", description = "Number of CPUs.")
    private String cpus;

    @Option(names = {"-c", "--cpu-shares"}, description = "CPU shares (relative weight).")
    private long cpuShares;

    @Option(names = "--cpu-period", description = "Limit CPU CFS (Completely Fair Scheduler) period.")
    private long cpuPeriod;

    @Option(names = "--cpu-quota", description = "Limit CPU CFS (Completely Fair Scheduler) quota.")
    private long cpuQuota;

    @Option(names = "--cpuset-cpus", description = "CPUs in which to allow execution (0-3, 0,1).")
    private String cpusetCpus;

    @Option(names = "--cpuset-mems", description = "MEMs in which to allow execution (0-3, 0,1).")
    private String cpusetMems;

    @Option(names = "--pids-limit", description = "Tune container pids limit (set -1 for unlimited).")
    private Long pidsLimit;

    @Option(names = "--restart", description = "Restart policy to apply when a container exits.")
    private String restart;

    private ContainerUpdateRequest request;

    @Override
    public Integer call() throws InterruptedException {
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            err().println(e.getMessage());
            return 1;
        }
        if (request == null) {
            err().println("you must provide one or more flags when using this command");
            return 1;
        }
        return super.call();
    }

    @Override
    protected boolean parallel() {
        return false;
    }

    @Override
    protected void apply(EngineClient client, String container) throws IOException {
        client.containerUpdate(container, request);
    }

    /** null when no flag was given. */
    private ContainerUpdateRequest request() {
        boolean any = memory != null || memoryReservation != null || memorySwap != null || cpus != null
                || cpuShares != 0 || cpuPeriod != 0 || cpuQuota != 0 || cpusetCpus != null || cpusetMems != null
                || pidsLimit != null || restart != null;
        if (!any) {
            return null;
        }
        RestartPolicy policy = restart == null ? new RestartPolicy("", 0) : restartPolicy(restart);
        long swap = memorySwap == null ? 0 : memorySwap.equals("-1") ? -1 : bytes("--memory-swap", memorySwap);
        return new ContainerUpdateRequest(bytes("-m, --memory", memory), bytes("--memory-reservation", memoryReservation),
                swap, nanoCpus(cpus), cpuShares, cpuPeriod, cpuQuota, cpusetCpus, cpusetMems, pidsLimit, policy);
    }

    private static RestartPolicy restartPolicy(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new RestartPolicy(text, 0);
        }
        try {
            return new RestartPolicy(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid restart policy format: maximum retry count must be an integer");
        }
    }

    private static long bytes(String flag, String text) {
        if (text == null) {
            return 0;
        }
        try {
            return ByteSizes.ramInBytes(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid argument \"" + text + "\" for \"" + flag + "\" flag: " + e.getMessage());
        }
    }

    private static long nanoCpus(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return new BigDecimal(text).movePointRight(9).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("invalid argument \"" + text + "\" for \"--cpus\" flag: failed to parse "
                    + text + " as a rational number");
        }
    }
}

package dev.wharf.engine.containers;

import dev.wharf.api.types.ContainerUpdateRequest;
import dev.wharf.api.types.HostConfig;
import dev.wharf.engine.errors.ConflictException;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.runtime.ResourceUpdate;

/**
 * The resources of one {@code update} request against a container's HostConfig, with moby's
 * checks: a value of 0 (null for pids) leaves the current one; {@code --cpus} becomes a CFS quota
 * over the default 100 ms period.
 */
record ResourceChange(ContainerUpdateRequest request, HostConfig current) {
    private static final long MIN_MEMORY = 6L * 1024 * 1024;
    private static final long CFS_PERIOD_MICROS = 100_000;

    void check(String containerId) {
        if (request.memory() != 0 && request.memory() < MIN_MEMORY) {
            throw new InvalidArgumentException("Minimum memory limit allowed is 6MB");
        }
        if (request.memory() != 0 && request.memory() > current.memorySwap() && request.memorySwap() == 0) {
            throw new ConflictException("Cannot update container " + containerId + ": Memory limit should be smaller"
                    + " than already set memoryswap limit, update the memoryswap at the same time");
        }
        long memory = request.memory() != 0 ? request.memory() : current.memory();
        if (request.memorySwap() > 0 && request.memorySwap() < memory) {
            throw new InvalidArgumentException("Minimum memoryswap limit should be larger than memory limit,"
                    + " see usage");
        }
        if (request.nanoCpus() != 0 && (request.cpuQuota() != 0 || request.cpuPeriod() != 0)) {
            throw new InvalidArgumentException("Conflicting options: Nano CPUs and CPU Period cannot both be set");
        }
    }

    /** What runc update must set now; null for everything that does not change. */
    ResourceUpdate runtimeUpdate() {
        Long quota = request.nanoCpus() != 0 ? Long.valueOf(request.nanoCpus() * CFS_PERIOD_MICROS / 1_000_000_000L)
                : positive(request.cpuQuota());
        Long period = request.nanoCpus() != 0 ? Long.valueOf(CFS_PERIOD_MICROS) : positive(request.cpuPeriod());
        return new ResourceUpdate(positive(request.memory()), positive(request.memoryReservation()),
                request.memorySwap() == 0 ? null : Long.valueOf(request.memorySwap()), positive(request.cpuShares()),
                quota, period,
                blankToNull(request.cpusetCpus()), blankToNull(request.cpusetMems()),
                request.pidsLimit() == null ? null : Long.valueOf(request.pidsLimit() > 0 ? request.pidsLimit() : -1L));
    }

    /** The HostConfig with the new values, as inspect shows them afterwards. */
    HostConfig.Builder applyTo(HostConfig.Builder config) {
        if (request.memory() != 0) {
            config.memory(request.memory());
        }
        if (request.memoryReservation() != 0) {
            config.memoryReservation(request.memoryReservation());
        }
        if (request.memorySwap() != 0) {
            config.memorySwap(request.memorySwap());
        }
        if (request.nanoCpus() != 0) {
            config.nanoCpus(request.nanoCpus());
        }
        if (request.cpuShares() != 0) {
            config.cpuShares(request.cpuShares());
        }
        if (request.cpuPeriod() != 0) {
            config.cpuPeriod(request.cpuPeriod());
        }
        if (request.cpuQuota() != 0) {
            config.cpuQuota(request.cpuQuota());
        }
        if (blankToNull(request.cpusetCpus()) != null) {
            config.cpusetCpus(request.cpusetCpus());
        }
        if (blankToNull(request.cpusetMems()) != null) {
            config.cpusetMems(request.cpusetMems());
        }
        if (request.pidsLimit() != null) {
            config.pidsLimit(request.pidsLimit() > 0 ? request.pidsLimit() : 0L);
        }
        return config;
    }

    private static Long positive(long value) {
        return value > 0 ? value : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

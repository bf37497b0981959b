package dev.wharf.engine.containers;

import dev.wharf.api.types.DeviceMapping;
import dev.wharf.api.types.HostConfig;
import dev.wharf.api.types.Ulimit;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.runtime.ContainerResources;
import dev.wharf.runtime.ContainerSecurity;
import dev.wharf.runtime.ContainerSecurity.SeccompPolicy;
import dev.wharf.runtime.spec.RuntimeSpecGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A HostConfig's limits and security options in the runtime's terms. */
final class RuntimeOptions {
    /** Debian's tini-static stands in for docker-init. */
    static final Path INIT_BINARY = Path.of("/usr/bin/tini-static");
    private static final long CPU_PERIOD = 100_000;
    private static final Set<String> RLIMITS = Set.of("as", "core", "cpu", "data", "fsize", "locks", "memlock",
            "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");

    private RuntimeOptions() {}

    static ContainerResources resources(HostConfig host) {
        long quota = host.cpuQuota();
        long period = host.cpuPeriod();
        if (host.nanoCpus() > 0) {
            period = CPU_PERIOD;
            quota = host.nanoCpus() * CPU_PERIOD / 1_000_000_000L;
        }
        List<ContainerResources.Rlimit> rlimits = new ArrayList<>();
        for (Ulimit ulimit : host.ulimits() == null ? List.<Ulimit>of() : host.ulimits()) {
            rlimits.add(new ContainerResources.Rlimit("RLIMIT_" + ulimit.name().toUpperCase(Locale.ROOT),
                    ulimit.soft(), ulimit.hard()));
        }
        return new ContainerResources(host.memory(), host.memorySwap(), host.memoryReservation(),
                Boolean.TRUE.equals(host.oomKillDisable()), host.cpuShares(), quota, period,
                host.cpusetCpus() == null ? "" : host.cpusetCpus(), host.cpusetMems() == null ? "" : host.cpusetMems(),
                host.pidsLimit() == null ? 0 : host.pidsLimit(), host.blkioWeight(),
                host.shmSize() > 0 ? host.shmSize() : ContainerResources.DEFAULT_SHM_SIZE, List.copyOf(rlimits));
    }

    static ContainerSecurity security(HostConfig host) {
        SeccompPolicy seccomp = new SeccompPolicy.DockerDefault();
        boolean noNewPrivileges = false;
        for (SecurityOpt option : SecurityOpt.parseAll(host.securityOpt())) {
            switch (option) {
                case SecurityOpt.Seccomp(String profile) -> seccomp = profile.equals("unconfined")
                        ? new SeccompPolicy.Unconfined() : new SeccompPolicy.Custom(profile);
                case SecurityOpt.NoNewPrivileges(boolean on) -> noNewPrivileges = on;
                case SecurityOpt.Ignored ignored -> { }
            }
        }
        List<ContainerSecurity.Device> devices = new ArrayList<>();
        for (DeviceMapping device : host.devices() == null ? List.<DeviceMapping>of() : host.devices()) {
            String inside = device.pathInContainer() == null || device.pathInContainer().isEmpty()
                    ? device.pathOnHost() : device.pathInContainer();
            String permissions = device.cgroupPermissions() == null || device.cgroupPermissions().isEmpty()
                    ? "rwm" : device.cgroupPermissions();
            devices.add(new ContainerSecurity.Device(Path.of(device.pathOnHost()), inside, permissions));
        }
        return new ContainerSecurity(host.privileged(), nullToEmpty(host.capAdd()), nullToEmpty(host.capDrop()),
                noNewPrivileges, seccomp, host.readonlyRootfs(), List.copyOf(devices),
                host.sysctls() == null ? Map.of() : host.sysctls(), host.maskedPaths(), host.readonlyPaths(),
                host.oomScoreAdj(), Boolean.TRUE.equals(host.init()) ? INIT_BINARY : null);
    }

    /** dockerd's checks at create, with its messages (daemon_unix.go verifyPlatformContainerResources). */
    static void validate(HostConfig host) {
        long mib6 = 6L * 1024 * 1024;
        if (host.memory() > 0 && host.memory() < mib6) {
            throw new InvalidArgumentException("Minimum memory limit allowed is 6MB");
        }
        if (host.memory() == 0 && host.memorySwap() > 0) {
            throw new InvalidArgumentException("You should always set the Memory limit when using Memoryswap limit, see usage");
        }
        if (host.memory() > 0 && host.memorySwap() > 0 && host.memorySwap() < host.memory()) {
            throw new InvalidArgumentException("Minimum memoryswap limit should be larger than memory limit, see usage");
        }
        if (host.memoryReservation() > 0 && host.memoryReservation() < mib6) {
            throw new InvalidArgumentException("Minimum memory reservation allowed is 6MB");
        }
        if (host.memory() > 0 && host.memoryReservation() > 0 && host.memory() < host.memoryReservation()) {
            throw new InvalidArgumentException(
                    "Minimum memory limit can not be less than memory reservation limit, see usage");
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        if (host.nanoCpus() > 0 && host.cpuPeriod() > 0) {
            throw new InvalidArgumentException("Conflicting options: Nano CPUs and CPU Period cannot both be set");
        }
        if (host.nanoCpus() > 0 && host.cpuQuota() > 0) {
            throw new InvalidArgumentException("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
        }
        if (host.nanoCpus() < 0 || host.nanoCpus() > cpus * 1_000_000_000L) {
            throw new InvalidArgumentException("Range of CPUs is from 0.01 to " + cpus + ".00, as there are only "
                    + cpus + " CPUs available");
        }
        if (host.oomScoreAdj() < -1000 || host.oomScoreAdj() > 1000) {
            throw new InvalidArgumentException("Invalid value " + host.oomScoreAdj()
                    + ", range for oom score adj is [-1000, 1000]");
        }
        if (host.shmSize() < 0) {
            throw new InvalidArgumentException("SHM size can not be less than 0");
        }
        if (host.blkioWeight() > 0 && (host.blkioWeight() < 10 || host.blkioWeight() > 1000)) {
            throw new InvalidArgumentException("Range of blkio weight is from 10 to 1000");
        }
        for (Ulimit ulimit : host.ulimits() == null ? List.<Ulimit>of() : host.ulimits()) {
            if (!RLIMITS.contains(ulimit.name())) {
                throw new InvalidArgumentException("invalid ulimit type: " + ulimit.name());
            }
            if (ulimit.soft() > ulimit.hard()) {
                throw new InvalidArgumentException("ulimit soft limit must be less than or equal to hard limit: "
                        + ulimit.soft() + " > " + ulimit.hard());
            }
        }
        try {
            RuntimeSpecGenerator.validate(security(host));
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException(e.getMessage(), e);
        }
        if (Boolean.TRUE.equals(host.init()) && !INIT_BINARY.toFile().canExecute()) {
            throw new InvalidArgumentException("failed to find init binary " + INIT_BINARY
                    + ": install Debian's tini package");
        }
    }

    private static List<String> nullToEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}

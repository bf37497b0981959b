package dev.wharf.runtime.spec;

import dev.wharf.runtime.ContainerResources;
import dev.wharf.runtime.ContainerSecurity;
import dev.wharf.runtime.spec.OciLinux.DeviceRule;
import java.util.ArrayList;
import java.util.List;

/** {@code linux.resources} as dockerd writes it: the device allow-list, then memory, cpu, pids and blkio limits. */
final class CgroupResources {
    private CgroupResources() {}

    static OciLinux.Resources of(ContainerResources limits, ContainerSecurity security) {
        List<DeviceRule> devices = new ArrayList<>();
        if (security.privileged()) {
            devices.add(DeviceRule.allowAll());
        } else {
            devices.addAll(DockerDefaults.DEVICES);
            for (ContainerSecurity.Device device : security.devices()) {
                OciDevice node = HostDevices.device(device.hostPath(), device.containerPath());
                devices.add(new DeviceRule(true, node.type(), node.major(), node.minor(), device.permissions()));
            }
        }
        var memory = new OciLinux.Memory(
                positive(limits.memory()),
                positive(limits.memoryReservation()),
                swap(limits),
                limits.oomKillDisable());
        var cpu = new OciLinux.Cpu(
                limits.cpuShares(),
                positive(limits.cpuQuota()),
                positive(limits.cpuPeriod()),
                blankToNull(limits.cpusetCpus()),
                blankToNull(limits.cpusetMems()));
        return new OciLinux.Resources(devices, memory, cpu,
                limits.pidsLimit() > 0 ? new OciLinux.Pids(limits.pidsLimit()) : null,
                new OciLinux.BlockIo(limits.blkioWeight()));
    }

    /** Docker: swap defaults to twice the memory limit when only memory is set; -1 is unlimited. */
    private static Long swap(ContainerResources limits) {
        if (limits.memorySwap() == -1) {
            return limits.memory() > 0 ? -1L : null;
        }
        if (limits.memorySwap() > 0) {
            return limits.memorySwap();
        }
        return limits.memory() > 0 ? 2 * limits.memory() : null;
    }

    private static Long positive(long value) {
        return value > 0 ? value : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

package dev.wharf.engine.containers;

import dev.wharf.api.types.ContainerInspect;
import dev.wharf.api.types.ContainerSummary;
import dev.wharf.api.types.GraphDriver;
import dev.wharf.api.types.MountPoint;
import dev.wharf.api.types.NetworkSettings;
import dev.wharf.api.types.SummaryHostConfig;
import dev.wharf.api.types.SummaryNetworkSettings;
import dev.wharf.image.Digest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A container record as the Engine API shows it: inspect and the {@code docker ps} summary. */
final class ContainerViews {
    private ContainerViews() {}

    /**
     * @param upperDir the snapshotter's writable layer of the container; the other overlay dirs sit
     *     beside it and the layers two levels up (OverlaySnapshotter's layout), for GraphDriver.Data
     */
    static ContainerInspect inspect(ContainerRecord record, ContainerStore store, Path upperDir, Long sizeRw,
            Long sizeRootFs, List<MountPoint> mounts, List<String> execIds) {
        RunState s = record.state();
        // Docker counts a container waiting for its restart policy as running.
        var state = new dev.wharf.api.types.ContainerState(s.status(), s.running() || s.restarting(), s.paused(),
                s.restarting(), s.oomKilled(), s.dead(), s.pid(), s.exitCode(), s.error(), orZero(s.startedAt()),
                orZero(s.finishedAt()), s.health());
        String id = record.id();
        return ContainerInspect.builder()
                .id(id)
                .created(record.created())
                .path(record.path())
                .args(record.args())
                .state(state)
                .image(record.imageId().toString())
                .resolvConfPath(store.resolvConfFile(id).toString())
                .hostnamePath(store.hostnameFile(id).toString())
                .hostsPath(store.hostsFile(id).toString())
                .logPath(store.logFile(id).toString())
                .name("/" + record.name())
                .restartCount(s.restartCount())
                .driver("overlay2")
                .platform("linux")
                .mountLabel("")
                .processLabel("")
                .appArmorProfile("")
                .execIds(execIds.isEmpty() ? null : execIds)
                .hostConfig(record.hostConfig())
                .graphDriver(new GraphDriver(graphDriverData(upperDir, record.diffIds()), "overlay2"))
                .sizeRw(sizeRw)
                .sizeRootFs(sizeRootFs)
                .mounts(mounts)
                .config(record.config())
                .networkSettings(NetworkSettings.builder().ports(Map.of()).networks(Map.of()).build())
                .build();
    }

    static ContainerSummary summary(ContainerRecord record, Instant now, Long sizeRw, Long sizeRootFs,
            List<MountPoint> mounts) {
        return new ContainerSummary(
                record.id(),
                List.of("/" + record.name()),
                record.config().image(),
                record.imageId().toString(),
                command(record.path(), record.args()),
                Timestamps.parse(record.created()).getEpochSecond(),
                List.of(),
                sizeRw,
                sizeRootFs,
                record.config().labels() == null ? Map.of() : record.config().labels(),
                record.state().status(),
                StatusText.of(record.state(), now),
                new SummaryHostConfig(record.hostConfig().networkMode(), null),
                new SummaryNetworkSettings(Map.of()),
                mounts);
    }

    /** moby's summary Command: path and args, args with spaces in single quotes. */
    static String command(String path, List<String> args) {
        if (args.isEmpty()) {
            return path;
        }
        return path + " " + args.stream().map(arg -> arg.contains(" ") ? "'" + arg + "'" : arg)
                .collect(Collectors.joining(" "));
    }

    private static Map<String, String> graphDriverData(Path upperDir, List<Digest> diffIds) {
        Path containerDir = upperDir.getParent();
        Path layers = containerDir.getParent().getParent().resolve("layers");
        var data = new LinkedHashMap<String, String>();
        if (!diffIds.isEmpty()) {
            data.put("LowerDir", diffIds.reversed().stream().map(d -> layers.resolve(d.encoded()).toString())
                    .collect(Collectors.joining(":")));
        }
        data.put("MergedDir", containerDir.resolve("merged").toString());
        data.put("UpperDir", upperDir.toString());
        data.put("WorkDir", containerDir.resolve("work").toString());
        return data;
    }

    private static String orZero(String time) {
        return time == null ? Timestamps.ZERO : time;
    }
}

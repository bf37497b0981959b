package dev.wharf.runtime.conmon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/** A container's conmon monitor, found through the pid its launcher wrote, guarded against pid reuse. */
final class MonitorProcess {
    private MonitorProcess() {}

    /** The monitor's pid while it is alive and really is the conmon of {@code files}. */
    static OptionalInt alivePid(ContainerFiles files) {
        OptionalInt pid = readPid(files.conmonPidfile());
        if (pid.isEmpty()) {
            return pid;
        }
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Integer.toString(pid.getAsInt()), "cmdline"));
            List<String> args = Arrays.asList(new String(cmdline, StandardCharsets.UTF_8).split("\0"));
            int cid = args.indexOf("-c");
            boolean ours = cid >= 0 && cid + 1 < args.size() && args.get(cid + 1).equals(files.id())
                    && args.contains(files.dir().toString());
            return ours ? pid : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    static boolean isAlive(ContainerFiles files) {
        return alivePid(files).isPresent();
    }

    static OptionalInt readPid(Path pidfile) {
        try {
            String text = Files.readString(pidfile).strip();
            return text.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text));
        } catch (NoSuchFileException e) {
            return OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}

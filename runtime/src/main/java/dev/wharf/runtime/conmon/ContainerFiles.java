package dev.wharf.runtime.conmon;

import java.nio.file.Path;

/**
 * One container's directory under the exec root. It is the OCI bundle (config.json; conmon adds
 * attach, ctl and winsz), conmon's working directory, and home of the files conmon and runc write.
 */
record ContainerFiles(String id, Path dir) {
    static final String CONFIG = "config.json";

    Path config() {
        return dir.resolve(CONFIG);
    }

    Path attachSocket() {
        return dir.resolve("attach");
    }

    Path ctl() {
        return dir.resolve("ctl");
    }

    /** Written by runc: the container's init pid. */
    Path pidfile() {
        return dir.resolve("pidfile");
    }

    /** Written by conmon's launcher: the monitor's pid. */
    Path conmonPidfile() {
        return dir.resolve("conmon.pid");
    }

    /** conmon's sync channel (fd 3), a FIFO: one JSON line reporting runc create. */
    Path syncFile() {
        return dir.resolve("sync");
    }

    Path exitsDir() {
        return dir.resolve("exits");
    }

    /** The exit code, once conmon has seen the container's init exit. */
    Path exitFile() {
        return exitsDir().resolve(id);
    }

    Path persistDir() {
        return dir.resolve("persist");
    }

    Path oomFile() {
        return persistDir().resolve("oom");
    }

    /** The directory of one exec: its conmon's bundle and files, laid out like a container's. */
    Path execDir(String execId) {
        return dir.resolve("exec").resolve(execId);
    }

    /** An exec's OCI process object, for {@code runc exec --process}. */
    Path processSpec() {
        return dir.resolve("process.json");
    }

    /** conmon's attach pipe (fd 5 in exec mode): reports that the attach socket exists. */
    Path attachPipe() {
        return dir.resolve("attach-pipe");
    }

    /** conmon's start pipe (fd 4 in exec mode): one byte to fork the monitor, one more to run the process. */
    Path startFile() {
        return dir.resolve("start");
    }
}

package dev.wharf.runtime.spec;

/** A device node runc creates in the container ({@code linux.devices}). */
public record OciDevice(String path, String type, long major, long minor, int fileMode, int uid, int gid) {}

package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A path in a container ({@code X-Docker-Container-Path-Stat}, base64 of this JSON). {@code mode}
 * is Go's {@code os.FileMode}: permission bits plus type bits high up.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "size", "mode", "mtime", "linkTarget"})
public record ContainerPathStat(
        @JsonProperty("name") String name,
        @JsonProperty("size") long size,
        @JsonProperty("mode") long mode,
        @JsonProperty("mtime") String mtime,
        @JsonProperty("linkTarget") String linkTarget) {

    public static final String HEADER = "X-Docker-Container-Path-Stat";
    public static final long MODE_DIR = 1L << 31;
    public static final long MODE_SYMLINK = 1L << 27;
    public static final long MODE_DEVICE = 1L << 26;
    public static final long MODE_NAMED_PIPE = 1L << 25;
    public static final long MODE_SOCKET = 1L << 24;
    public static final long MODE_SETUID = 1L << 23;
    public static final long MODE_SETGID = 1L << 22;
    public static final long MODE_CHAR_DEVICE = 1L << 21;
    public static final long MODE_STICKY = 1L << 20;

    @JsonIgnore
    public boolean isDirectory() {
        return (mode & MODE_DIR) != 0;
    }

    @JsonIgnore
    public boolean isSymlink() {
        return (mode & MODE_SYMLINK) != 0;
    }

    /** Neither a directory nor a regular file (Go's {@code ValidateOutputPathFileMode} refuses these as a destination). */
    @JsonIgnore
    public boolean isSpecial() {
        return (mode & (MODE_DEVICE | MODE_NAMED_PIPE | MODE_SOCKET | MODE_CHAR_DEVICE)) != 0;
    }
}

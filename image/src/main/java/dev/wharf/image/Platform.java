package dev.wharf.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The platform an image runs on (OCI image index {@code platform}). */
public record Platform(
        String architecture,
        String os,
        @JsonProperty("os.version") String osVersion,
        @JsonProperty("os.features") List<String> osFeatures,
        String variant,
        List<String> features) {

    public static Platform of(String os, String architecture) {
        return new Platform(architecture, os, null, null, null, null);
    }

    /** The host's platform in Go's GOARCH vocabulary (amd64, arm64), as Docker reports it. */
    public static Platform host() {
        return of("linux", goArch(System.getProperty("os.arch")));
    }

    /** Maps a JVM {@code os.arch} to Go's architecture name. */
    public static String goArch(String javaArch) {
        return switch (javaArch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            case "arm" -> "arm";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            default -> javaArch;
        };
    }
}

package dev.wharf.image.remote;

import dev.wharf.image.Descriptor;
import dev.wharf.image.ImageIndex;
import dev.wharf.image.InvalidReferenceException;
import dev.wharf.image.MediaTypes;
import dev.wharf.image.Platform;
import java.util.Optional;

/** Picks one platform's manifest out of an index, as containerd's platform matcher does for pulls. */
public final class PlatformMatcher {
    private PlatformMatcher() {}

    /** Parses {@code os[/arch[/variant]]}, e.g. {@code linux/arm64/v8}. */
    public static Platform parse(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("/");
        if (parts.length < 1 || parts.length > 3 || parts[0].isEmpty()) {
            throw new InvalidReferenceException("invalid platform: " + text);
        }
        String arch = parts.length > 1 ? Platform.goArch(parts[1]) : Platform.host().architecture();
        return new Platform(arch, parts[0], null, null, parts.length > 2 ? parts[2] : null, null);
    }

    /** The manifest for the platform; an exact variant beats a missing one (arm64 is arm64/v8). */
    public static Optional<Descriptor> select(ImageIndex index, Platform wanted) {
        Descriptor fallback = null;
        for (Descriptor candidate : index.manifests()) {
            Platform p = candidate.platform();
            if (p == null || !MediaTypes.isManifest(candidate.mediaType()) && candidate.mediaType() != null) {
                continue; // attestations and nested indexes carry no runnable platform
            }
            if (!wanted.os().equals(p.os()) || !wanted.architecture().equals(p.architecture())) {
                continue;
            }
            if (wanted.variant() == null || wanted.variant().equals(p.variant())) {
                if (wanted.variant() != null || p.variant() == null || isDefaultVariant(p)) {
                    return Optional.of(candidate);
                }
                fallback = fallback == null ? candidate : fallback;
            }
        }
        return Optional.ofNullable(fallback);
    }

    public static boolean matches(Platform wanted, String os, String architecture, String variant) {
        return wanted.os().equals(os) && wanted.architecture().equals(architecture)
                && (wanted.variant() == null || wanted.variant().equals(variant));
    }

    public static String format(Platform platform) {
        return platform.os() + "/" + platform.architecture() + (platform.variant() == null ? "" : "/" + platform.variant());
    }

    private static boolean isDefaultVariant(Platform p) {
        return p.architecture().equals("arm64") && "v8".equals(p.variant());
    }
}

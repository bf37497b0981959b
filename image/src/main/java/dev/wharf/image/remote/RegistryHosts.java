package dev.wharf.image.remote;

import dev.wharf.image.ImageReference;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a registry domain is reached: Docker Hub's {@code docker.io} is {@code registry-1.docker.io};
 * loopback registries speak plain HTTP; those named by {@code --insecure-registry} are tried as Docker does,
 * HTTPS without verifying the certificate first, then plain HTTP ({@link #plainFallback}); pulls from
 * Docker Hub go to the {@code --registry-mirror}s first.
 */
public final class RegistryHosts {
    private static final String HUB_ENDPOINT = "registry-1.docker.io";

    private final Set<String> insecure;
    private final List<URI> mirrors;

    public RegistryHosts(Set<String> insecure, List<URI> mirrors) {
        this.insecure = Set.copyOf(insecure);
        this.mirrors = List.copyOf(mirrors);
    }

    /**
     * A {@code --registry-mirror} checked as Docker's ValidateMirror does (http or https, no query,
     * fragment or credentials) and given its trailing slash; a path below which the API lives is kept.
     *
     * @throws IllegalArgumentException with Docker's message
     */
    public static URI mirror(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid mirror: \"" + value + "\" is not a valid URI", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("invalid mirror: unsupported scheme \"" + scheme + "\" in \""
                    + value + "\"");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("invalid mirror: query or fragment at end of the URI \""
                    + value + "\"");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("invalid mirror: username/password not allowed in URI \""
                    + value.replace(uri.getRawUserInfo(), uri.getRawUserInfo().replaceFirst(":.*", "") + ":xxxxx") + "\"");
        }
        return URI.create(value.replaceFirst("/+$", "") + "/");
    }

    /** The mirrors, as {@code docker info} lists them. */
    public List<URI> mirrors() {
        return mirrors;
    }

    public static RegistryHosts defaults() {
        return new RegistryHosts(Set.of(), List.of());
    }

    /** The registry's API base ({@code http://127.0.0.1:5000}), without {@code /v2/}. */
    public URI base(String domain) {
        String host = domain.equals(ImageReference.DEFAULT_DOMAIN) ? HUB_ENDPOINT : domain;
        return URI.create((isLoopback(domain) ? "http://" : "https://") + host);
    }

    /** For an HTTPS URL of an {@code --insecure-registry}: the same URL over plain HTTP, to try next. */
    public Optional<URI> plainFallback(URI url) {
        if (!"https".equals(url.getScheme()) || !isListed(url.getRawAuthority())) {
            return Optional.empty();
        }
        return Optional.of(URI.create("http" + url.toString().substring("https".length())));
    }

    /** An {@code --insecure-registry}'s certificate is not verified (Docker: InsecureSkipVerify). */
    public boolean skipsTlsVerification(URI url) {
        return "https".equals(url.getScheme()) && isListed(url.getRawAuthority());
    }

    /** The bases to try for a pull, in order: mirrors (Docker Hub only), then the registry itself. */
    public List<URI> pullBases(String domain) {
        List<URI> bases = new ArrayList<>();
        if (domain.equals(ImageReference.DEFAULT_DOMAIN)) {
            bases.addAll(mirrors);
        }
        bases.add(base(domain));
        return bases;
    }

    /** Named by {@code --insecure-registry}, with or without the port. */
    private boolean isListed(String domain) {
        return domain != null && (insecure.contains(domain) || insecure.contains(hostOf(domain)));
    }

    /** Plain HTTP outright: a loopback host (as Docker, 127.0.0.0/8 and ::1). */
    private static boolean isLoopback(String domain) {
        String host = hostOf(domain);
        if (host.equals("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name: no DNS lookup just to decide the scheme
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String hostOf(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.startsWith("[")) {
            int end = d.indexOf(']');
            return end < 0 ? d : d.substring(1, end);
        }
        int colon = d.lastIndexOf(':');
        return colon < 0 ? d : d.substring(0, colon);
    }
}

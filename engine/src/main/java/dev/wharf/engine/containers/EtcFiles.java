package dev.wharf.engine.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The /etc/hostname, /etc/hosts and /etc/resolv.conf a container gets, generated the way dockerd does
 * for a container without a network of its own.
 */
final class EtcFiles {
    static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");
    /** Docker's fallback when the host only has local resolvers (which the container could not reach). */
    static final List<String> DEFAULT_NAMESERVERS = List.of("8.8.8.8", "8.8.4.4");

    private EtcFiles() {}

    static String hostname(String hostname) {
        return hostname + "\n";
    }

    /**
     * Docker's default hosts file. Docker maps the hostname to the container's bridge IP; until
     * containers have one, it goes on 127.0.1.1 (Debian's convention) so {@code ping $(hostname)} resolves
     * to loopback without shadowing the plain localhost line.
     */
    static String hosts(String hostname, String domainname) {
        String names = domainname == null || domainname.isEmpty()
                ? hostname
                : hostname + "." + domainname + " " + hostname;
        return """
                127.0.0.1\tlocalhost
                ::1\tlocalhost ip6-localhost ip6-loopback
                fe00::0\tip6-localnet
                ff00::0\tip6-mcastprefix
                ff02::1\tip6-allnodes
                ff02::2\tip6-allrouters
                127.0.1.1\t%s
                """.formatted(names);
    }

    /**
     * The host's resolv.conf without loopback nameservers (moby libnetwork/resolvconf FilterResolvDNS);
     * when none remain, Docker's public defaults.
     */
    static String resolvConf(String hostResolvConf) {
        List<String> lines = new ArrayList<>();
        boolean nameserver = false;
        for (String line : hostResolvConf.split("\n", -1)) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 2 && fields[0].equals("nameserver")) {
                if (isLoopback(fields[1])) {
                    continue;
                }
                nameserver = true;
            }
            lines.add(line);
        }
        while (!lines.isEmpty() && lines.getLast().isBlank()) {
            lines.removeLast();
        }
        if (!nameserver) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            DEFAULT_NAMESERVERS.forEach(ip -> lines.add("nameserver " + ip));
        }
        return String.join("\n", lines) + "\n";
    }

    static String readHostResolvConf(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1");
    }
}

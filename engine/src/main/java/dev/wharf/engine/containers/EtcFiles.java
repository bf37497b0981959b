package dev.wharf.engine.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import dev.wharf.engine.errors.InvalidArgumentException;

/**
 * The /etc/hostname, /etc/hosts and /etc/resolv.conf a container gets, generated the way dockerd does
 * for a container without a network of its own.
 */
public final class EtcFiles {
    public static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");
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
        return hosts(hostname, domainname, null, List.of());
    }

    /**
     * Docker's hosts file for a container with an address: the standard entries, the {@code --add-host}
     * lines, then the container's own address and hostname (127.0.1.1 when it has none).
     */
    public static String hosts(String hostname, String domainname, String address, List<String> extraHostLines) {
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
                %s%s\t%s
                """.formatted(extraHostLines.stream().map(l -> l + "\n").collect(Collectors.joining()),
                address == null || address.isEmpty() ? "127.0.1.1" : address, names);
    }

    /**
     * {@code --add-host} entries ({@code name:ip}, the CLI's {@code name=ip} too) as hosts lines;
     * {@code host-gateway} is the default bridge's gateway, the host's own address on it.
     */
    static List<String> extraHosts(List<String> extraHosts, String hostGateway) {
        List<String> lines = new ArrayList<>();
        if (extraHosts == null) {
            return lines;
        }
        for (String entry : extraHosts) {
            int sep = entry.indexOf(':') > 0 && entry.indexOf('=') < 0 ? entry.indexOf(':') : entry.indexOf('=');
            if (sep <= 0) {
                throw new InvalidArgumentException("invalid argument \"" + entry + "\" for \"--add-host\" flag");
            }
            String ip = entry.substring(sep + 1);
            lines.add((ip.equals("host-gateway") ? hostGateway : ip) + "\t" + entry.substring(0, sep));
        }
        return lines;
    }

    /**
     * The container's resolv.conf: {@code --dns} servers, else the network's DNS server (user-defined
     * networks), else the host's; {@code --dns-search} and {@code --dns-option} replace the host's.
     */
    static String resolvConf(String hostResolvConf, List<String> dns, List<String> search, List<String> options,
            String embeddedDns) {
        List<String> servers = dns != null && !dns.isEmpty() ? dns : embeddedDns != null ? List.of(embeddedDns) : null;
        boolean replaceSearch = search != null && !search.isEmpty();
        boolean replaceOptions = options != null && !options.isEmpty();
        if (servers == null && !replaceSearch && !replaceOptions) {
            return resolvConf(hostResolvConf);
        }
        List<String> lines = new ArrayList<>();
        for (String line : resolvConf(hostResolvConf).split("\n")) {
            String keyword = line.trim().split("\\s+")[0];
            if ((servers != null && keyword.equals("nameserver")) || (replaceSearch && (keyword.equals("search")
                    || keyword.equals("domain"))) || (replaceOptions && keyword.equals("options")) || line.isBlank()) {
                continue;
            }
            lines.add(line);
        }
        if (servers != null) {
            servers.forEach(server -> lines.add("nameserver " + server));
        }
        if (replaceSearch) {
            lines.add("search " + String.join(" ", search));
        }
        if (replaceOptions) {
            lines.add("options " + String.join(" ", options));
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * The host's resolv.conf without loopback nameservers (moby libnetwork/resolvconf FilterResolvDNS);
     * when none remain, Docker's public defaults.
     */
    public static String resolvConf(String hostResolvConf) {
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

    public static String readHostResolvConf(Path file) throws IOException {
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

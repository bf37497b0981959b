package dev.wharf.network.dns;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Resolver;

/** Sends the questions a network's DNS server cannot answer to the host's nameservers (from the host's netns). */
public final class Forwarder {
    private static final Logger LOG = System.getLogger(Forwarder.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(4);

    /** Forwards nothing (every question not its own is SERVFAIL): for internal networks. */
    public static final Forwarder NONE = new Forwarder(null);

    private final Resolver upstream;

    private Forwarder(Resolver upstream) {
        this.upstream = upstream;
    }

    /** The nameservers of the host's resolv.conf; none gives SERVFAIL answers. */
    public static Forwarder fromResolvConf(Path resolvConf) {
        List<String> servers = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(resolvConf, StandardCharsets.UTF_8)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 2 && fields[0].equals("nameserver")) {
                    servers.add(fields[1]);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "no host resolvers to forward to: " + e.getMessage());
        }
        return of(servers);
    }

    /** These nameservers (port 53); none gives SERVFAIL answers. */
    public static Forwarder of(List<String> servers) {
        try {
            if (servers.isEmpty()) {
                return new Forwarder(null);
            }
            var resolver = new ExtendedResolver(servers.toArray(String[]::new));
            resolver.setTimeout(TIMEOUT);
            return new Forwarder(resolver);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot use the resolvers " + servers, e);
            return new Forwarder(null);
        }
    }

    Message forward(Message request) {
        if (upstream != null) {
            try {
                Message reply = upstream.send(request);
                reply.getHeader().setID(request.getHeader().getID());
                return reply;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "forwarding failed", e);
            }
        }
        Message failure = new Message(request.getHeader().getID());
        failure.getHeader().setFlag(org.xbill.DNS.Flags.QR);
        failure.getHeader().setRcode(Rcode.SERVFAIL);
        if (request.getQuestion() != null) {
            failure.addRecord(request.getQuestion(), org.xbill.DNS.Section.QUESTION);
        }
        return failure;
    }
}

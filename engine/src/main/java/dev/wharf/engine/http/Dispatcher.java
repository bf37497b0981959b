package dev.wharf.engine.http;

import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.NotFoundException;
import java.io.IOException;

/** Serves one exchange: route lookup, Docker's version gate, the handler, errors, the request log. */
final class Dispatcher {
    private static final System.Logger LOG = System.getLogger("dev.wharf.engine.api");

    private final Router router;

    Dispatcher(Router router) {
        this.router = router;
    }

    void serve(NettyExchange exchange) {
        long started = System.nanoTime();
        try {
            Router.Match match = router.match(exchange.method(), exchange.path());
            if (match == null) {
                throw new NotFoundException("page not found");
            }
            exchange.bind(match.params());
            if (versionAccepted(exchange)) {
                match.handler().handle(exchange);
            }
        } catch (Throwable failure) {
            ErrorReplies.reply(exchange, failure);
        }
        try {
            exchange.finishAfterHandler();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not finish " + exchange.uri() + ": " + e);
            exchange.abort();
        }
        LOG.log(System.Logger.Level.DEBUG, () -> String.format("%s %s -> %d (%.1f ms)", exchange.method(),
                exchange.uri(), exchange.status(), (System.nanoTime() - started) / 1e6));
    }

    /** Docker: too new is a JSON 400, too old a text/plain 400 (the ancient clients read text). */
    private static boolean versionAccepted(NettyExchange exchange) throws IOException {
        String text = exchange.requestedVersionText();
        if (text == null) {
            return true;
        }
        ApiVersion requested = ApiVersion.parse(text);
        if (requested.compareTo(ApiVersion.MAX) > 0) {
            throw new InvalidArgumentException("client version " + text
                    + " is too new. Maximum supported API version is " + ApiVersion.MAX);
        }
        if (requested.compareTo(ApiVersion.MIN) < 0) {
            exchange.respondText(400, "text/plain; charset=utf-8", "client version " + text
                    + " is too old. Minimum supported API version is " + ApiVersion.MIN
                    + ", please upgrade your client to a newer version\n");
            return false;
        }
        return true;
    }
}

package dev.wharf.engine.http;

import dev.wharf.engine.errors.EngineException;
import dev.wharf.image.InvalidChangeException;
import dev.wharf.image.InvalidReferenceException;
import java.util.Map;

/** The one place where failures become Docker's {@code {"message": …}} replies. */
final class ErrorReplies {
    private static final System.Logger LOG = System.getLogger("dev.wharf.engine.api");

    record Reply(int status, String message) {}

    private ErrorReplies() {}

    static Reply classify(Throwable failure) {
        return switch (failure) {
            case EngineException e -> new Reply(e.status(), e.getMessage());
            case InvalidReferenceException e -> new Reply(400, e.getMessage());
            case InvalidChangeException e -> new Reply(400, e.getMessage());
            default -> new Reply(500, failure.getMessage() != null ? failure.getMessage() : failure.toString());
        };
    }

    static void reply(NettyExchange exchange, Throwable failure) {
        Reply reply = classify(failure);
        if (!(failure instanceof EngineException) && reply.status() >= 500) {
            LOG.log(System.Logger.Level.ERROR, "Handler for " + exchange.method() + " " + exchange.path()
                    + " returned error: " + reply.message(), failure);
        } else if (reply.status() >= 500) {
            LOG.log(System.Logger.Level.WARNING, "Handler for " + exchange.method() + " " + exchange.path()
                    + " returned error: " + reply.message());
        } else {
            LOG.log(System.Logger.Level.DEBUG, "Handler for " + exchange.method() + " " + exchange.path()
                    + " returned error: " + reply.message());
        }
        if (exchange.state() == NettyExchange.State.DONE) {
            return;
        }
        if (exchange.state() != NettyExchange.State.NEW) {
            // The status line is gone already; streaming handlers report their errors in-band.
            exchange.abort();
            return;
        }
        try {
            if (reply.status() == 304) {
                exchange.respondEmpty(304);
            } else {
                exchange.respondJson(reply.status(), Map.of("message", reply.message()));
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "could not send error reply: " + e);
            exchange.abort();
        }
    }
}

package dev.wharf.engine.http;

/** Serves one route. Throws {@link dev.wharf.engine.errors.EngineException} for Docker's error replies. */
@FunctionalInterface
public interface Handler {
    void handle(Exchange exchange) throws Exception;
}

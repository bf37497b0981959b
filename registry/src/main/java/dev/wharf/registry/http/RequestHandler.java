package dev.wharf.registry.http;

/** Serves one exchange on its virtual thread; must respond (errors included) before returning. */
@FunctionalInterface
public interface RequestHandler {
    void serve(Exchange exchange);
}

package dev.wharf.engine.containers;

import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.http.Exchange;

/** Integer query parameters, rejected with Go's strconv wording as dockerd does. */
final class QueryInts {
    private QueryInts() {}

    static int get(Exchange exchange, String name, int fallback) {
        return exchange.query(name).filter(v -> !v.isEmpty()).map(QueryInts::parse).orElse(fallback);
    }

    static int parse(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("strconv.Atoi: parsing \"" + value + "\": invalid syntax");
        }
    }
}

package dev.wharf.registry.api;

import dev.wharf.registry.errors.ErrorCode;
import dev.wharf.registry.errors.RegistryException;
import dev.wharf.registry.http.Exchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The spec's pagination of sorted lists: {@code n} entries after {@code last}; when more remain, a
 * {@code Link: <path?n=..&last=..>; rel="next"} header points at the next page.
 */
record Page(List<String> entries, String nextLink) {
    /** Without {@code n} a page holds everything (as distribution does up to its own limit). */
    private static final int MAX_PAGE = 10_000;

    static Page of(Exchange exchange, List<String> sorted, String path) {
        String last = exchange.query("last");
        int n = count(exchange.query("n"));
        List<String> after = last == null ? sorted : sorted.stream().filter(entry -> entry.compareTo(last) > 0).toList();
        if (after.size() <= n) {
            return new Page(after, null);
        }
        List<String> entries = after.subList(0, n);
        String link = n == 0 ? null : "<" + path + "?n=" + n + "&last="
                + URLEncoder.encode(entries.getLast(), StandardCharsets.UTF_8) + ">; rel=\"next\"";
        return new Page(entries, link);
    }

    private static int count(String n) {
        if (n == null) {
            return MAX_PAGE;
        }
        try {
            int value = Integer.parseInt(n);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return Math.min(value, MAX_PAGE);
        } catch (NumberFormatException e) {
            throw new RegistryException(ErrorCode.PAGINATION_NUMBER_INVALID, "invalid n: " + n);
        }
    }
}

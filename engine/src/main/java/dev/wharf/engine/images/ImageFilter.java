package dev.wharf.engine.images;

import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.filters.Filters;
import dev.wharf.image.Image;
import dev.wharf.image.ImageReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The filters of {@code GET /images/json}: reference (glob), dangling, label, before, since. */
final class ImageFilter {
    static final List<String> KEYS = List.of("reference", "dangling", "label", "before", "since");

    private final Filters filters;
    private final Boolean dangling;
    private final List<Pattern> references;
    private final Instant before;
    private final Instant since;

    /** @param resolve finds the image a before/since filter names */
    ImageFilter(Filters filters, Function<String, Image> resolve) {
        this.filters = filters.accept(KEYS);
        this.dangling = filters.booleanValue("dangling");
        this.references = filters.get("reference").stream().map(ImageFilter::glob).toList();
        this.before = created(filters, "before", resolve);
        this.since = created(filters, "since", resolve);
    }

    /** {@code dangling=true}: moby lists only images without children then. */
    boolean danglingOnly() {
        return Boolean.TRUE.equals(dangling);
    }

    boolean hasReferenceFilter() {
        return !references.isEmpty();
    }

    /** Docker's FamiliarMatch: the glob against {@code name:tag}, then against the bare name. */
    boolean referenceMatches(ImageReference ref) {
        return references.stream().anyMatch(p -> p.matcher(ref.familiarString()).matches()
                || p.matcher(ref.familiarName()).matches());
    }

    /** @param refs the image's references after reference filtering */
    boolean include(Image image, List<ImageReference> refs, boolean hadRefs) {
        if (hasReferenceFilter() && refs.isEmpty()) {
            return false;
        }
        if (dangling != null && dangling == hadRefs) {
            return false;
        }
        Map<String, String> labels = image.config().containerConfig().labels();
        if (!filters.matchLabels("label", labels)) {
            return false;
        }
        Instant created = image.config().createdAt();
        if (before != null && (created == null || !created.isBefore(before))) {
            return false;
        }
        return since == null || (created != null && created.isAfter(since));
    }

    private static Instant created(Filters filters, String key, Function<String, Image> resolve) {
        if (!filters.has(key)) {
            return null;
        }
        String name = filters.get(key).iterator().next();
        Image image = resolve.apply(name);
        if (image == null) {
            throw new dev.wharf.engine.errors.NotFoundException("No such image: " + name);
        }
        return image.config().createdAt();
    }

    /** Go's path.Match syntax: {@code *} and {@code ?} stop at '/', {@code [...]} classes. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int end = pattern.indexOf(']', i + 1);
                    if (end < 0) {
                        throw new InvalidArgumentException("invalid reference filter: syntax error in pattern");
                    }
                    String body = pattern.substring(i + 1, end);
                    regex.append('[').append(body.replace("\\", "\\\\")).append(']'); // Go and Java share [^...]
                    i = end;
                }
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}

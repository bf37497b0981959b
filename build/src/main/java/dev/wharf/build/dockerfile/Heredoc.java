package dev.wharf.build.dockerfile;

/**
 * A here-document of RUN, COPY or ADD. {@code expand} is false when the delimiter was quoted
 * ({@code <<"EOF"}): then its content is taken literally.
 */
public record Heredoc(String name, String content, boolean expand) {}

package dev.wharf.cli.format.template;

/** A template that does not parse or fails while executing, with Go's {@code template: :LINE: …} wording. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }
}

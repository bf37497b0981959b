package dev.wharf.build.expand;

import dev.wharf.build.BuildException;

/** A variable reference that cannot be expanded ({@code ${}}, an unknown modifier, {@code ${v:?}} of an unset v). */
public final class ExpansionException extends BuildException {
    public ExpansionException(String message) {
        super(message);
    }
}

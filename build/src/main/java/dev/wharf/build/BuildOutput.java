package dev.wharf.build;

import dev.wharf.image.Digest;

/** Where a build reports progress, in the terms of Docker's JSON message stream. */
public interface BuildOutput {
    /** Text for the client's stdout ({@code {"stream": …}}): step headers, a RUN's output. */
    void stream(String text);

    /** The built image ({@code {"aux":{"ID": …}}}), sent before "Successfully built". */
    void aux(Digest imageId);
}

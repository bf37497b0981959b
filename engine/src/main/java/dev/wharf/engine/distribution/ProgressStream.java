package dev.wharf.engine.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.api.format.ProgressBar;
import dev.wharf.api.types.ErrorDetail;
import dev.wharf.api.types.ProgressDetail;
import dev.wharf.api.types.ProgressMessage;
import dev.wharf.image.remote.TransferProgress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Docker's JSON message stream on a streamed reply: one {@link ProgressMessage} per line, written whole
 * under a lock because layers report from several threads. A client that went away makes the next write
 * fail, which stops the transfer.
 */
final class ProgressStream implements TransferProgress {
    private final OutputStream out;
    private final ObjectMapper json;

    ProgressStream(OutputStream out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void status(String id, String status) {
        // Layer lines carry an empty progressDetail, as Docker's do; lines of their own carry none.
        write(ProgressMessage.builder().status(status).id(id)
                .progressDetail(id != null && !isHeader(status) ? new ProgressDetail(null, null) : null).build());
    }

    @Override
    public void bytes(String id, String action, long current, long total) {
        write(ProgressMessage.builder().status(action).id(id)
                .progressDetail(new ProgressDetail(current, total > 0 ? total : null))
                .progress(ProgressBar.format(current, total)).build());
    }

    void line(String status) {
        write(ProgressMessage.builder().status(status).build());
    }

    /** Text for the client to print as it is ({@code "Loaded image: …\n"}). */
    void stream(String text) {
        write(ProgressMessage.builder().stream(text).build());
    }

    void aux(JsonNode aux) {
        write(ProgressMessage.builder().progressDetail(new ProgressDetail(null, null)).aux(aux).build());
    }

    void error(String message) {
        write(ProgressMessage.builder().error(message).errorDetail(new ErrorDetail(null, message)).build());
    }

    private static boolean isHeader(String status) {
        return status.startsWith("Pulling from ");
    }

    private synchronized void write(ProgressMessage message) {
        try {
            out.write(json.writeValueAsBytes(message));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.wharf.runtime.log;

import dev.wharf.runtime.AttachConnection.Stream;
import java.time.Instant;

/**
 * One line the container wrote (with its trailing {@code \n}), or the unterminated tail it left
 * when its output ended without a newline.
 */
public record LogRecord(Instant time, Stream stream, byte[] data) {}

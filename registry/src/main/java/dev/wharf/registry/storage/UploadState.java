package dev.wharf.registry.storage;

import java.time.Instant;

/** Where an upload session is: its bytes received so far ({@code size}) and when it last changed. */
public record UploadState(String id, RepositoryName repository, long size, Instant lastModified) {}

package dev.wharf.runtime.conmon;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What conmon writes on the sync pipe (API 1): {@code {"data": pid}} or {@code {"data": -1, "message": "…"}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record SyncMessage(int data, String message) {}

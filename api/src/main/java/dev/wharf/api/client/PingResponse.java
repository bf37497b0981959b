package dev.wharf.api.client;

/** What {@code /_ping} reveals in its headers; {@code apiVersion} is null when not announced. */
public record PingResponse(String apiVersion, String osType, boolean experimental, String builderVersion) {}

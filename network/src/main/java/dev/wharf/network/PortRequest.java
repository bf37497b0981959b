package dev.wharf.network;

/**
 * A port to publish as the API gives it: {@code hostPortFirst..hostPortLast} is a range to pick one
 * from, 0..0 any free port.
 */
public record PortRequest(String hostIp, int hostPortFirst, int hostPortLast, int containerPort, String protocol) {}

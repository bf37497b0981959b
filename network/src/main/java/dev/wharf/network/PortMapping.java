package dev.wharf.network;

/**
 * One published port (stored in the CNI {@code portMappings} form of the endpoint's runtimeConfig).
 *
 * @param hostIp the host address to listen on; "" for all of them
 * @param protocol {@code tcp} or {@code udp}
 */
public record PortMapping(String hostIp, int hostPort, int containerPort, String protocol) {}

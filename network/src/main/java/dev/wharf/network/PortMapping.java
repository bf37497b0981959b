package dev.wharf.network;

/**
 * One published port as portmap's {@code portMappings} capability takes it.
 *
 * @param hostIp the host address to listen on; "" for all of them
 * @param protocol {@code tcp} or {@code udp}
 */
public record PortMapping(String hostIp, int hostPort, int containerPort, String protocol) {}

// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Network state of a container as shown by inspect. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NetworkSettings(
        @JsonProperty("Bridge") String bridge,
        @JsonProperty("SandboxID") String sandboxId,
        @JsonProperty("HairpinMode") boolean hairpinMode,
        @JsonProperty("LinkLocalIPv6Address") String linkLocalIpv6Address,
        @JsonProperty("LinkLocalIPv6PrefixLen") int linkLocalIpv6PrefixLen,
        @JsonProperty("Ports") Map<String, List<PortBinding>> ports,
        @JsonProperty("SandboxKey") String sandboxKey,
        @JsonProperty("SecondaryIPAddresses") List<Map<String, Object>> secondaryIpAddresses,
        @JsonProperty("SecondaryIPv6Addresses") List<Map<String, Object>> secondaryIpv6Addresses,
        @JsonProperty("EndpointID") String endpointId,
        @JsonProperty("Gateway") String gateway,
        @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
        @JsonProperty("GlobalIPv6PrefixLen") int globalIpv6PrefixLen,
        @JsonProperty("IPAddress") String ipAddress,
        @JsonProperty("IPPrefixLen") int ipPrefixLen,
        @JsonProperty("IPv6Gateway") String ipv6Gateway,
        @JsonProperty("MacAddress") String macAddress,
        @JsonProperty("Networks") Map<String, EndpointSettings> networks) {
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; non-optional strings start as "" because Docker always emits them. */
    public static final class Builder {
        private String bridge = "";
        private String sandboxId = "";
        private boolean hairpinMode;
        private String linkLocalIpv6Address = "";
        private int linkLocalIpv6PrefixLen;
        private Map<String, List<PortBinding>> ports;
        private String sandboxKey = "";
        private List<Map<String, Object>> secondaryIpAddresses;
        private List<Map<String, Object>> secondaryIpv6Addresses;
        private String endpointId = "";
        private String gateway = "";
        private String globalIpv6Address = "";
        private int globalIpv6PrefixLen;
        private String ipAddress = "";
        private int ipPrefixLen;
        private String ipv6Gateway = "";
        private String macAddress = "";
        private Map<String, EndpointSettings> networks;

        private Builder() {}

        public Builder bridge(String bridge) {
            this.bridge = bridge;
            return this;
        }

        public Builder sandboxId(String sandboxId) {
            this.sandboxId = sandboxId;
            return this;
        }

        public Builder hairpinMode(boolean hairpinMode) {
            this.hairpinMode = hairpinMode;
            return this;
        }

        public Builder linkLocalIpv6Address(String linkLocalIpv6Address) {
            this.linkLocalIpv6Address = linkLocalIpv6Address;
            return this;
        }

        public Builder linkLocalIpv6PrefixLen(int linkLocalIpv6PrefixLen) {
            this.linkLocalIpv6PrefixLen = linkLocalIpv6PrefixLen;
            return this;
        }

        public Builder ports(Map<String, List<PortBinding>> ports) {
            this.ports = ports;
            return this;
        }

        public Builder sandboxKey(String sandboxKey) {
            this.sandboxKey = sandboxKey;
            return this;
        }

        public Builder secondaryIpAddresses(List<Map<String, Object>> secondaryIpAddresses) {
            this.secondaryIpAddresses = secondaryIpAddresses;
            return this;
        }

        public Builder secondaryIpv6Addresses(List<Map<String, Object>> secondaryIpv6Addresses) {
            this.secondaryIpv6Addresses = secondaryIpv6Addresses;
            return this;
        }

        public Builder endpointId(String endpointId) {
            this.endpointId = endpointId;
            return this;
        }

        public Builder gateway(String gateway) {
            this.gateway = gateway;
            return this;
        }

        public Builder globalIpv6Address(String globalIpv6Address) {
            this.globalIpv6Address = globalIpv6Address;
            return this;
        }

        public Builder globalIpv6PrefixLen(int globalIpv6PrefixLen) {
            this.globalIpv6PrefixLen = globalIpv6PrefixLen;
            return this;
        }

        public Builder ipAddress(String ipAddress) {
            this.ipAddress = ipAddress;
            return this;
        }

        public Builder ipPrefixLen(int ipPrefixLen) {
            this.ipPrefixLen = ipPrefixLen;
            return this;
        }

        public Builder ipv6Gateway(String ipv6Gateway) {
            this.ipv6Gateway = ipv6Gateway;
            return this;
        }

        public Builder macAddress(String macAddress) {
            this.macAddress = macAddress;
            return this;
        }

        public Builder networks(Map<String, EndpointSettings> networks) {
            this.networks = networks;
            return this;
        }

        public NetworkSettings build() {
            return new NetworkSettings(bridge, sandboxId, hairpinMode, linkLocalIpv6Address, linkLocalIpv6PrefixLen, ports, sandboxKey, secondaryIpAddresses, secondaryIpv6Addresses, endpointId, gateway, globalIpv6Address, globalIpv6PrefixLen, ipAddress, ipPrefixLen, ipv6Gateway, macAddress, networks);
        }
    }
}

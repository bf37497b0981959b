// Generated from the Engine API wire spec; edit freely, there is no generator in the build.
package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A container's endpoint on one network. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EndpointSettings(
        @JsonProperty("IPAMConfig") EndpointIpamConfig ipamConfig,
        @JsonProperty("Links") List<String> links,
        @JsonProperty("Aliases") List<String> aliases,
        @JsonProperty("MacAddress") String macAddress,
        @JsonProperty("DriverOpts") Map<String, String> driverOpts,
        @JsonProperty("GwPriority") @JsonInclude(JsonInclude.Include.NON_NULL) Integer gwPriority,
        @JsonProperty("NetworkID") String networkId,
        @JsonProperty("EndpointID") String endpointId,
        @JsonProperty("Gateway") String gateway,
        @JsonProperty("IPAddress") String ipAddress,
        @JsonProperty("IPPrefixLen") int ipPrefixLen,
        @JsonProperty("IPv6Gateway") String ipv6Gateway,
        @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
        @JsonProperty("GlobalIPv6PrefixLen") int globalIpv6PrefixLen,
        @JsonProperty("DNSNames") List<String> dnsNames) {
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; non-optional strings start as "" because Docker always emits them. */
    public static final class Builder {
        private EndpointIpamConfig ipamConfig;
        private List<String> links;
        private List<String> aliases;
        private String macAddress = "";
        private Map<String, String> driverOpts;
        private Integer gwPriority;
        private String networkId = "";
        private String endpointId = "";
        private String gateway = "";
        private String ipAddress = "";
        private int ipPrefixLen;
        private String ipv6Gateway = "";
        private String globalIpv6Address = "";
        private int globalIpv6PrefixLen;
        private List<String> dnsNames;

        private Builder() {}

        public Builder ipamConfig(EndpointIpamConfig ipamConfig) {
            this.ipamConfig = ipamConfig;
            return this;
        }

        public Builder links(List<String> links) {
            this.links = links;
            return this;
        }

        public Builder aliases(List<String> aliases) {
            this.aliases = aliases;
            return this;
        }

        public Builder macAddress(String macAddress) {
            this.macAddress = macAddress;
            return this;
        }

        public Builder driverOpts(Map<String, String> driverOpts) {
            this.driverOpts = driverOpts;
            return this;
        }

        public Builder gwPriority(Integer gwPriority) {
            this.gwPriority = gwPriority;
            return this;
        }

        public Builder networkId(String networkId) {
            this.networkId = networkId;
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

        public Builder globalIpv6Address(String globalIpv6Address) {
            this.globalIpv6Address = globalIpv6Address;
            return this;
        }

        public Builder globalIpv6PrefixLen(int globalIpv6PrefixLen) {
            this.globalIpv6PrefixLen = globalIpv6PrefixLen;
            return this;
        }

        public Builder dnsNames(List<String> dnsNames) {
            this.dnsNames = dnsNames;
            return this;
        }

        public EndpointSettings build() {
            return new EndpointSettings(ipamConfig, links, aliases, macAddress, driverOpts, gwPriority, networkId, endpointId, gateway, ipAddress, ipPrefixLen, ipv6Gateway, globalIpv6Address, globalIpv6PrefixLen, dnsNames);
        }
    }
}

package dev.wharf.api.types;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One {@code GET /containers/{id}/stats} sample, with dockerd's (snake_case) names. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerStats(
        @JsonProperty("read") String read,
        @JsonProperty("preread") String preread,
        @JsonProperty("pids_stats") PidsStats pidsStats,
        @JsonProperty("blkio_stats") BlkioStats blkioStats,
        @JsonProperty("num_procs") int numProcs,
        @JsonProperty("storage_stats") Map<String, Object> storageStats,
        @JsonProperty("cpu_stats") CpuStats cpuStats,
        @JsonProperty("precpu_stats") CpuStats precpuStats,
        @JsonProperty("memory_stats") MemoryStats memoryStats,
        @JsonProperty("name") String name,
        @JsonProperty("id") String id,
        @JsonProperty("networks") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, NetworkStats> networks) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PidsStats(
            @JsonProperty("current") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long current,
            @JsonProperty("limit") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long limit) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BlkioStats(
            @JsonProperty("io_service_bytes_recursive") List<BlkioEntry> ioServiceBytesRecursive,
            @JsonProperty("io_serviced_recursive") List<BlkioEntry> ioServicedRecursive,
            @JsonProperty("io_queue_recursive") List<BlkioEntry> ioQueueRecursive,
            @JsonProperty("io_service_time_recursive") List<BlkioEntry> ioServiceTimeRecursive,
            @JsonProperty("io_wait_time_recursive") List<BlkioEntry> ioWaitTimeRecursive,
            @JsonProperty("io_merged_recursive") List<BlkioEntry> ioMergedRecursive,
            @JsonProperty("io_time_recursive") List<BlkioEntry> ioTimeRecursive,
            @JsonProperty("sectors_recursive") List<BlkioEntry> sectorsRecursive) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BlkioEntry(
            @JsonProperty("major") long major,
            @JsonProperty("minor") long minor,
            @JsonProperty("op") String op,
            @JsonProperty("value") long value) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CpuStats(
            @JsonProperty("cpu_usage") CpuUsage cpuUsage,
            @JsonProperty("system_cpu_usage") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long systemCpuUsage,
            @JsonProperty("online_cpus") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int onlineCpus,
            @JsonProperty("throttling_data") ThrottlingData throttlingData) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CpuUsage(
            @JsonProperty("total_usage") long totalUsage,
            @JsonProperty("percpu_usage") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> percpuUsage,
            @JsonProperty("usage_in_kernelmode") long usageInKernelmode,
            @JsonProperty("usage_in_usermode") long usageInUsermode) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ThrottlingData(
            @JsonProperty("periods") long periods,
            @JsonProperty("throttled_periods") long throttledPeriods,
            @JsonProperty("throttled_time") long throttledTime) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MemoryStats(
            @JsonProperty("usage") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long usage,
            @JsonProperty("max_usage") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long maxUsage,
            @JsonProperty("stats") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> stats,
            @JsonProperty("limit") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long limit) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NetworkStats(
            @JsonProperty("rx_bytes") long rxBytes,
            @JsonProperty("rx_packets") long rxPackets,
            @JsonProperty("rx_errors") long rxErrors,
            @JsonProperty("rx_dropped") long rxDropped,
            @JsonProperty("tx_bytes") long txBytes,
            @JsonProperty("tx_packets") long txPackets,
            @JsonProperty("tx_errors") long txErrors,
            @JsonProperty("tx_dropped") long txDropped) {}
}

package io.scangate.gateway.config;

import java.util.List;

/**
 * The whole configuration file ({@code blobs} is null when the gateway stores no images). Optional
 * sections get their defaults here; {@link ConfigLoader} reports
 * what is missing or wrong, naming the key.
 */
public record GatewayConfig(
        String site,
        String gatewayId,
        JournalConfig journal,
        MqttConfig mqtt,
        OpsConfig ops,
        BlobsConfig blobs,
        List<DeviceConfig> devices,
        CorrelationConfig correlation) {

    public GatewayConfig {
        journal = journal == null ? JournalConfig.defaults() : journal;
        mqtt = mqtt == null ? MqttConfig.defaults() : mqtt;
        ops = ops == null ? OpsConfig.defaults() : ops;
        devices = devices == null ? List.of() : List.copyOf(devices);
        correlation = correlation == null ? CorrelationConfig.defaults() : correlation;
    }
}

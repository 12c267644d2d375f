package io.scangate.gateway.config;

import java.util.List;

/** A configuration that passed every check, with each device bound to its driver. */
public record LoadedConfig(GatewayConfig gateway, List<BoundDevice> devices) {
}

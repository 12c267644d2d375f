package io.scangate.gateway.config;

/**
 * {@code ops:} how operators watch the gateway.
 *
 * @param httpBind address of the metrics/health endpoint; loopback unless a scraper needs more
 * @param httpPort 0 picks a free port (tests); -1 turns the endpoint off
 * @param ioThreads Netty event loops shared by all devices
 */
public record OpsConfig(String httpBind, Integer httpPort, Integer ioThreads) {

    public OpsConfig {
        httpBind = httpBind == null ? "127.0.0.1" : httpBind;
        httpPort = httpPort == null ? 9100 : httpPort;
        ioThreads = ioThreads == null ? Math.max(2, Runtime.getRuntime().availableProcessors()) : ioThreads;
    }

    static OpsConfig defaults() {
        return new OpsConfig(null, null, null);
    }
}

package io.scangate.gateway.config;

import io.scangate.driver.TransportKind;
import java.util.Locale;

/** The names of transport kinds as written in the config file. */
final class TransportKinds {

    private TransportKinds() {
    }

    static String of(TransportConfig transport) {
        return transport == null ? null : transport.kind();
    }

    static TransportKind toKind(String name) {
        return switch (name) {
            case "tcp-client" -> TransportKind.TCP_CLIENT;
            case "tcp-server" -> TransportKind.TCP_SERVER;
            case "serial" -> TransportKind.SERIAL;
            case "directory" -> TransportKind.DIRECTORY;
            default -> null;
        };
    }

    static String name(TransportKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

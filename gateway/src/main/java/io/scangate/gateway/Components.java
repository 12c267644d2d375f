package io.scangate.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.scangate.gateway.config.GatewayConfig;
import io.scangate.gateway.journal.Journal;
import io.scangate.gateway.journal.SegmentJournal;
import io.scangate.gateway.publish.MqttPublisher;
import io.scangate.gateway.publish.Publisher;
import java.io.IOException;

/** Builds the journal and the publisher from their sections of the config file. */
final class Components {

    private Components() {
    }

    static Journal openJournal(GatewayConfig c, MeterRegistry registry) throws IOException {
        return SegmentJournal.open(c.journal().toSettings(), registry);
    }

    static Publisher publisher(GatewayConfig c, Journal journal, MeterRegistry registry) throws IOException {
        return new MqttPublisher(c.mqtt().toSettings(c.site(), c.gatewayId()), journal, registry);
    }
}

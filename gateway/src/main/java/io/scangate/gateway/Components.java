package io.scangate.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.scangate.gateway.config.GatewayConfig;
import io.scangate.gateway.config.JournalConfig;
import io.scangate.gateway.journal.Journal;
import io.scangate.gateway.publish.Publisher;
import java.io.IOException;

/** Turns the config file's sections into the settings of the journal and the publisher. */
final class Components {

    private Components() {
    }

    static Journal openJournal(JournalConfig j, MeterRegistry registry) throws IOException {
        throw new UnsupportedOperationException("pending merge");
    }

    static Publisher publisher(GatewayConfig c, Journal journal, MeterRegistry registry) throws IOException {
        throw new UnsupportedOperationException("pending merge");
    }
}

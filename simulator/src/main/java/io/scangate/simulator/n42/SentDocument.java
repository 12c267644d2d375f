package io.scangate.simulator.n42;

import io.scangate.simulator.n42.SimulatedDocument.GammaSpectrum;
import io.scangate.simulator.n42.SimulatedDocument.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Ground truth of one document handed to a connection: what it says in numbers, without its channels, so
 * that a long accelerated run keeps a small list.
 *
 * @param index         1 for the first document the lane sent
 * @param connection    1 for the lane's first client connection, counting up with every new one
 * @param uuid          n42DocUUID
 * @param kind          background, foreground or alarm
 * @param start         StartDateTime of its measurement
 * @param realTime      RealTimeDuration of its measurement
 * @param gammaSums     sum of each gamma spectrum, in detector order
 * @param liveTimes     LiveTimeDuration of each gamma spectrum, in detector order
 * @param neutronCounts gross counts per neutron detector
 * @param nuclide       the nuclide of an alarm, {@code null} otherwise
 * @param confidence    its confidence in percent
 * @param bytes         the document's length without the STX and ETX framing bytes (as written, before any
 *                      damage)
 * @param fault         the damage done to it on the wire, {@code null} when it was sent intact
 */
public record SentDocument(int index, int connection, String uuid, Kind kind, Instant start, Duration realTime,
                           List<Long> gammaSums, List<Duration> liveTimes, Map<String, Long> neutronCounts,
                           String nuclide, int confidence, int bytes, N42Fault fault) {

    static SentDocument of(int index, int connection, SimulatedDocument document, int bytes, N42Fault fault) {
        return new SentDocument(index, connection, document.uuid(), document.kind(), document.start(),
                document.realTime(), document.spectra().stream().map(GammaSpectrum::sum).toList(),
                document.spectra().stream().map(GammaSpectrum::liveTime).toList(), document.neutronCounts(),
                document.nuclide(), document.confidence(), bytes, fault);
    }
}

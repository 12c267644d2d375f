package io.scangate.gateway.correlate;

import io.scangate.proto.v1.InspectionPart;
import java.time.Duration;

/**
 * One part a lane expects from each vehicle.
 *
 * @param part which device result
 * @param after expected time from the previous part in passage order (zero for the first)
 * @param tolerance how far the real time may be from the expected one
 */
public record ExpectedPart(InspectionPart part, Duration after, Duration tolerance) {
}

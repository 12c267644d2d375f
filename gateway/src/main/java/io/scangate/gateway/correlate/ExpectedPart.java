package io.scangate.gateway.correlate;

import io.scangate.proto.v1.InspectionPart;
import java.time.Duration;
import java.util.Set;

/**
 * One part a lane expects from each vehicle.
 *
 * @param part which device result
 * @param after expected time from the previous part in passage order (zero for the first)
 * @param tolerance how far the real time may be from the expected one
 * @param devices the devices that deliver this part; empty = any device of the lane
 */
public record ExpectedPart(InspectionPart part, Duration after, Duration tolerance, Set<String> devices) {

    public ExpectedPart {
        devices = Set.copyOf(devices);
    }

    public ExpectedPart(InspectionPart part, Duration after, Duration tolerance) {
        this(part, after, tolerance, Set.of());
    }

    boolean from(String deviceId) {
        return devices.isEmpty() || devices.contains(deviceId);
    }
}

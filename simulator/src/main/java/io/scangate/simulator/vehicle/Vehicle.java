package io.scangate.simulator.vehicle;

import java.util.List;

/**
 * A vehicle as it really is: the ground truth an OCR read is made from, and the identity a lane scenario
 * drives past its devices.
 *
 * @param plate the licence plate as registered, e.g. {@code BX482KL}
 * @param plateCountry e.g. {@code NL}
 * @param containers 0 to 2 ISO 6346 numbers with their check digit, front first
 */
public record Vehicle(String plate, String plateCountry, List<String> containers) {

    public Vehicle {
        containers = List.copyOf(containers);
    }
}

package io.scangate.simulator.ocr;

import java.util.List;

/**
 * What really passes the portal: the ground truth a read is made from.
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

package io.scangate.simulator.n42;

/**
 * Ground truth of one document handed to the connection.
 *
 * @param index    1 for the first document the lane sent
 * @param document what it says
 * @param bytes    its length without the STX and ETX framing bytes
 */
public record SentDocument(int index, SimulatedDocument document, int bytes) {
}

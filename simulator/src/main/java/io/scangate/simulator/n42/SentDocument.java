package io.scangate.simulator.n42;

/**
 * Ground truth of one document handed to the connection.
 *
 * @param index      1 for the first document the lane sent
 * @param connection 1 for the lane's first client connection, counting up with every new one
 * @param document   what it says
 * @param bytes      its length without the STX and ETX framing bytes
 */
public record SentDocument(int index, int connection, SimulatedDocument document, int bytes) {
}

package io.scangate.driver.n42;

import io.scangate.proto.v1.Envelope;
import java.util.List;

/**
 * What one document says, in the contract: messages ready for
 * {@link io.scangate.driver.DeviceContext#emit} (fresh builders the caller owns; bodies and device time set)
 * in the order to emit them, and the problems to report through
 * {@link io.scangate.driver.DeviceContext#decodeError}.
 */
public record N42Result(List<Envelope.Builder> messages, List<N42Problem> problems) {
}

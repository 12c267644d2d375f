package io.scangate.gateway.pipeline;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event ids as UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Time-ordered,
 * so back-ends that index on the id insert at the end; drawn from the calling thread's ThreadLocalRandom,
 * because {@link UUID#randomUUID()} goes through one shared SecureRandom that every event loop would
 * queue on. Ids need to be unique, not unpredictable: two ids collide only with the same millisecond and
 * the same 74 random bits.
 */
final class EventIds {

    private EventIds() {
    }

    static UUID next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}

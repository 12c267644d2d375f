package io.scangate.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void idsAreVersion7WithTheTimeInFrontAndTheRfcVariant() {
        long millis = 1_795_680_000_123L;

        UUID id = EventIds.next(millis);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void idsOfTheSameMillisecondDifferAndLaterMillisecondsSortAfter() {
        Set<UUID> sameMillisecond = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            sameMillisecond.add(EventIds.next(42L));
        }
        assertThat(sameMillisecond).hasSize(100_000);
        assertThat(EventIds.next(43L).toString()).isGreaterThan(EventIds.next(42L).toString());
    }
}

package io.scangate.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.gateway.journal.JournalStats;
import io.scangate.gateway.testing.MemoryJournal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackPressureTest {

    private double used;
    private final ForwardingJournal journal = new ForwardingJournal(new MemoryJournal()) {
        @Override
        public JournalStats stats() {
            return new JournalStats(0, 0, 0, 0, used);
        }
    };
    private final List<String> actions = new ArrayList<>();
    private final BackPressure backPressure = new BackPressure(journal, 0.9, 0.7,
            (paused, reason) -> actions.add((paused ? "pause: " : "resume: ") + reason));

    @Test
    void pausesAtTheHighWaterMarkAndResumesOnlyBelowTheLowWaterMark() {
        used = 0.89;
        backPressure.check();
        assertThat(backPressure.paused()).isFalse();

        used = 0.9;
        backPressure.check();
        assertThat(backPressure.paused()).isTrue();

        used = 0.75;
        backPressure.check();
        assertThat(backPressure.paused()).as("hysteresis: between the marks nothing changes").isTrue();

        used = 0.69;
        backPressure.check();
        assertThat(backPressure.paused()).isFalse();
        assertThat(actions).containsExactly("pause: journal 90% full (high water 90%)",
                "resume: journal 69% full (below low water 70%)");
    }

    @Test
    void aRefusedAppendPausesAtOnceAndHoldsUntilAQuietCheckBelowLowWater() {
        used = 0.1;
        backPressure.journalFull();
        assertThat(backPressure.paused()).isTrue();

        backPressure.check();
        assertThat(backPressure.paused()).as("a refusal since the last check keeps the pause").isTrue();

        backPressure.check();
        assertThat(backPressure.paused()).isFalse();
    }
}

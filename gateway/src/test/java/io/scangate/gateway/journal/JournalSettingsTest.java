package io.scangate.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreValidAndDocumented() {
        JournalSettings defaults = JournalSettings.defaults(dir);

        assertThat(defaults.validate()).isEmpty();
        assertThat(defaults.maxBytes()).isEqualTo(1L << 30);
        assertThat(defaults.maxEntries()).isEqualTo(1_000_000);
        assertThat(defaults.segmentBytes()).isEqualTo(64L << 20);
        assertThat(defaults.maxRecordBytes()).isEqualTo(16 << 20);
        assertThat(defaults.commitInterval()).isEqualTo(Duration.ZERO);
    }

    @Test
    void problemsNameTheKeyAndTheFix() {
        JournalSettings bad = new JournalSettings(null, 150, 0, 100, 16 << 20, Duration.ofSeconds(5), 10, 1);

        assertThat(bad.validate()).extracting(problem -> problem.substring(0, problem.indexOf(':')))
                .containsExactlyInAnyOrder("directory", "segmentBytes", "maxBytes", "maxEntries", "commitInterval",
                        "maxBatchBytes", "maxPendingBytes");
        assertThat(bad.validate()).allSatisfy(problem -> assertThat(problem).matches("\\w+: .+ \\(.+\\)"));
    }

    @Test
    void openRefusesInvalidSettings() {
        JournalSettings bad = JournalSettings.defaults(dir).withSegmentBytes(10);

        assertThatThrownBy(() -> SegmentJournal.open(bad, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segmentBytes:");
    }
}

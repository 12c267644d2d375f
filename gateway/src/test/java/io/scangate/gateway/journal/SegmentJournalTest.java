package io.scangate.gateway.journal;

import static io.scangate.gateway.journal.JournalFixture.appendAll;
import static io.scangate.gateway.journal.JournalFixture.appendDurably;
import static io.scangate.gateway.journal.JournalFixture.ids;
import static io.scangate.gateway.journal.JournalFixture.payload;
import static io.scangate.gateway.journal.JournalFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentJournalTest {

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private SegmentJournal journal;

    @BeforeEach
    void open() throws Exception {
        journal = SegmentJournal.open(JournalSettings.defaults(dir), registry);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void appendTakeConfirmRoundTrip() {
        long first = appendDurably(journal, Lane.RESULT, "scan-1");
        long second = appendDurably(journal, Lane.RESULT, "scan-2");

        List<JournalEntry> taken = journal.take(10);

        assertThat(second).isGreaterThan(first);
        assertThat(ids(taken)).containsExactly(first, second);
        assertThat(texts(taken)).containsExactly("scan-1", "scan-2");
        assertThat(taken).allSatisfy(entry -> assertThat(entry.lane()).isEqualTo(Lane.RESULT));
        assertThat(journal.stats().inFlight()).isEqualTo(2);
        assertThat(journal.take(10)).as("in-flight entries are not taken twice").isEmpty();

        journal.confirm(first);
        journal.confirm(second);

        assertThat(journal.stats().unconfirmed()).isZero();
        assertThat(journal.take(10)).isEmpty();
        assertThat(registry.get("scangate.journal.appends").counter().count()).isEqualTo(2);
    }

    @Test
    void takeRespectsMaxAndAppendOrder() {
        List<Long> appended = appendAll(journal, Lane.TELEMETRY, "bg", 25);

        List<JournalEntry> firstTen = journal.take(10);
        List<JournalEntry> rest = journal.take(100);

        assertThat(ids(firstTen)).containsExactlyElementsOf(appended.subList(0, 10));
        assertThat(ids(rest)).containsExactlyElementsOf(appended.subList(10, 25));
        assertThat(journal.take(0)).isEmpty();
    }

    @Test
    void alarmsOvertakeABacklogOfTelemetryAndResults() {
        appendAll(journal, Lane.TELEMETRY, "bg", 500);
        appendAll(journal, Lane.RESULT, "scan", 20);
        long alarm = appendDurably(journal, Lane.ALARM, "gamma-alarm");

        List<JournalEntry> taken = journal.take(5);

        assertThat(taken.get(0).id()).isEqualTo(alarm);
        assertThat(taken.get(0).lane()).isEqualTo(Lane.ALARM);
        assertThat(texts(taken.subList(1, 5))).containsExactly("scan-0", "scan-1", "scan-2", "scan-3");
        assertThat(journal.stats().stored()).isEqualTo(516);
    }

    @Test
    void releasedEntryGoesBackAheadOfLaterOnesOfItsLane() {
        List<Long> appended = appendAll(journal, Lane.RESULT, "scan", 6);
        List<JournalEntry> taken = journal.take(4);

        journal.release(taken.get(3).id());
        journal.release(taken.get(1).id());
        journal.confirm(taken.get(0).id());

        assertThat(ids(journal.take(10))).containsExactly(appended.get(1), appended.get(3), appended.get(4),
                appended.get(5));
        assertThat(journal.stats().inFlight()).isEqualTo(5);
    }

    @Test
    void confirmOfAReleasedEntrySettlesIt() {
        long id = appendDurably(journal, Lane.RESULT, "late-puback");
        journal.take(1);
        journal.release(id);

        journal.confirm(id);

        assertThat(journal.take(10)).isEmpty();
        assertThat(journal.stats().unconfirmed()).isZero();
    }

    @Test
    void unknownIdsAreIgnoredAndCounted() {
        long id = appendDurably(journal, Lane.RESULT, "never-taken");

        journal.confirm(999_999);
        journal.release(id);
        journal.deadLetter(424_242, "nothing");

        assertThat(registry.get("scangate.journal.settlements.ignored").counter().count()).isEqualTo(3);
        assertThat(ids(journal.take(10))).containsExactly(id);
    }

    @Test
    void deadLetteredEntryIsNeverTakenAgainAndKeptWithItsReason() throws Exception {
        long poison = appendDurably(journal, Lane.RESULT, "poison");
        long fine = appendDurably(journal, Lane.RESULT, "fine");
        journal.take(1);

        journal.deadLetter(poison, "payload is not a scangate.v1.Envelope");

        await().until(() -> journal.stats().deadLettered() == 1);
        assertThat(ids(journal.take(10))).containsExactly(fine);
        List<DeadLetter> letters = DeadLetterFile.readAll(dir);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.id()).isEqualTo(poison);
            assertThat(letter.lane()).isEqualTo(Lane.RESULT);
            assertThat(letter.reason()).isEqualTo("payload is not a scangate.v1.Envelope");
            assertThat(letter.payload()).isEqualTo(payload("poison"));
        });
    }

    @Test
    void listenersHearOfEveryCommitThatMadeEntriesTakeable() {
        AtomicInteger calls = new AtomicInteger();
        journal.onAvailable(calls::incrementAndGet);
        assertThat(calls).as("nothing waiting yet").hasValue(0);

        appendDurably(journal, Lane.RESULT, "one");

        await().until(() -> calls.get() >= 1);
        AtomicInteger late = new AtomicInteger();
        journal.onAvailable(late::incrementAndGet);
        assertThat(late).as("a late listener is told at once that entries wait").hasValue(1);
    }

    @Test
    void aFailingListenerDoesNotStopTheJournal() {
        journal.onAvailable(() -> {
            throw new IllegalStateException("listener bug");
        });

        long id = appendDurably(journal, Lane.RESULT, "still-durable");

        assertThat(ids(journal.take(1))).containsExactly(id);
    }

    @Test
    void oversizedOrMissingInputIsRefusedNotDropped() {
        byte[] tooBig = new byte[JournalSettings.DEFAULT_MAX_RECORD_BYTES + 1];

        assertThatThrownBy(() -> journal.append(Lane.RESULT, tooBig).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRecordBytes");
        assertThatThrownBy(() -> journal.append(null, payload("x")).join())
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(registry.get("scangate.journal.append.rejected").tag("reason", "too_large").counter().count())
                .isEqualTo(1);
    }

    @Test
    void appendAfterCloseFailsAndASecondOpenOfTheSameDirectoryIsRefused() throws Exception {
        assertThatThrownBy(() -> SegmentJournal.open(JournalSettings.defaults(dir), null))
                .hasMessageContaining("already open");

        journal.close();

        assertThatThrownBy(() -> journal.append(Lane.RESULT, payload("late")).join())
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLingeringCommitIntervalStillCommitsEveryAppend(@TempDir Path other) throws Exception {
        JournalSettings lingering = JournalSettings.defaults(other).withCommitInterval(Duration.ofMillis(5));
        try (SegmentJournal slow = SegmentJournal.open(lingering, null)) {
            List<Long> ids = appendAll(slow, Lane.RESULT, "scan", 50);

            assertThat(ids(slow.take(100))).isEqualTo(ids);
        }
    }

    @Test
    void largeRecordsBypassingTheStagingBufferRoundTrip() {
        byte[] image = new byte[3 << 20];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i * 31);
        }
        long small = appendDurably(journal, Lane.RESULT, "before");
        long big = journal.append(Lane.RESULT, image).join();

        List<JournalEntry> taken = journal.take(2);

        assertThat(ids(taken)).containsExactly(small, big);
        assertThat(taken.get(1).payload()).isEqualTo(image);
    }
}

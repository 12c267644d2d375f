package io.scangate.gateway.journal;

import static io.scangate.gateway.journal.JournalFixture.appendAll;
import static io.scangate.gateway.journal.JournalFixture.ids;
import static io.scangate.gateway.journal.JournalFixture.segmentFiles;
import static io.scangate.gateway.journal.JournalFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentJournalQuotaTest {

    private static final int PAYLOAD_BYTES = 50;
    /** Five 67-byte records fit in a 400-byte segment. */
    private static final int RECORDS_PER_SEGMENT = 5;

    @TempDir
    Path dir;

    private JournalSettings small(long maxBytes, long maxEntries) {
        return JournalSettings.defaults(dir).withMaxRecordBytes(100).withSegmentBytes(400)
                .withQuotas(maxBytes, maxEntries);
    }

    private static byte[] payload(int n) {
        byte[] payload = new byte[PAYLOAD_BYTES];
        Arrays.fill(payload, (byte) 'x');
        byte[] tag = ("entry-" + n).getBytes();
        System.arraycopy(tag, 0, payload, 0, tag.length);
        return payload;
    }

    /** Appends one by one until the journal refuses; returns the accepted ids. */
    private static List<Long> fillUntilFull(Journal journal, int firstTag) {
        List<Long> accepted = new ArrayList<>();
        for (int n = firstTag; n < firstTag + 1000; n++) {
            try {
                accepted.add(journal.append(Lane.RESULT, payload(n)).join());
            } catch (CompletionException e) {
                assertThat(e).hasCauseInstanceOf(JournalFullException.class);
                return accepted;
            }
        }
        throw new AssertionError("the quota never bit");
    }

    @Test
    void byteQuotaRefusesAppendsKeepsUnconfirmedDataAndRecoversOnceSegmentsAreConfirmed() throws Exception {
        try (SegmentJournal journal = SegmentJournal.open(small(2000, 1_000_000), null)) {
            List<Long> accepted = fillUntilFull(journal, 0);

            assertThat(accepted).hasSizeGreaterThan(3 * RECORDS_PER_SEGMENT);
            assertThat(journal.stats().bytesOnDisk()).isLessThanOrEqualTo(2000);
            assertThat(journal.stats().usedFraction()).isGreaterThan(0.9);
            List<JournalEntry> all = journal.take(1000);
            assertThat(ids(all)).as("nothing unconfirmed was dropped to make room").isEqualTo(accepted);
            assertThat(all.get(0).payload()).isEqualTo(payload(0));
            assertThatThrownBy(() -> journal.append(Lane.ALARM, payload(-1)).join())
                    .hasCauseInstanceOf(JournalFullException.class).hasMessageContaining("quota");

            for (JournalEntry entry : all.subList(0, RECORDS_PER_SEGMENT)) {
                journal.confirm(entry.id());
            }

            List<Long> more = fillUntilFull(journal, 1000);
            assertThat(more).as("a confirmed segment's room is reused").hasSize(RECORDS_PER_SEGMENT);
            assertThat(ids(journal.take(1000))).isEqualTo(more);
        }
    }

    @Test
    void byteQuotaPurgesAFullyConfirmedActiveSegmentBeforeRefusing() throws Exception {
        JournalSettings settings = JournalSettings.defaults(dir).withMaxRecordBytes(100).withSegmentBytes(400)
                .withQuotas(800, 1_000_000);
        byte[] record = new byte[100];
        try (SegmentJournal journal = SegmentJournal.open(settings, null)) {
            List<Long> accepted = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                accepted.add(journal.append(Lane.RESULT, record).join());
            }
            assertThatThrownBy(() -> journal.append(Lane.RESULT, record).join())
                    .hasCauseInstanceOf(JournalFullException.class);
            List<Path> segments = segmentFiles(dir);
            assertThat(segments).hasSize(2);
            List<JournalEntry> taken = journal.take(10);
            taken.subList(3, 6).forEach(entry -> journal.confirm(entry.id()));
            await().until(() -> journal.stats().usedFraction() < 0.6);
            assertThat(segments.get(1)).as("the active segment stays until room is needed").exists();

            long next = journal.append(Lane.RESULT, record).join();

            assertThat(segments.get(1)).doesNotExist();
            taken.subList(0, 3).forEach(entry -> journal.release(entry.id()));
            assertThat(ids(journal.take(10))).containsExactly(accepted.get(0), accepted.get(1), accepted.get(2), next);
        }
    }

    @Test
    void entryQuotaBoundsTheUnconfirmedBacklogAndFreesAsEntriesAreConfirmed() throws Exception {
        try (SegmentJournal journal = SegmentJournal.open(JournalSettings.defaults(dir).withQuotas(1L << 30, 10),
                null)) {
            List<Long> ten = appendAll(journal, Lane.TELEMETRY, "bg", 10);
            assertThatThrownBy(() -> journal.append(Lane.TELEMETRY, "bg-10".getBytes()).join())
                    .hasCauseInstanceOf(JournalFullException.class).hasMessageContaining("10 of 10 entries");
            assertThat(journal.stats().usedFraction()).isEqualTo(1.0);
            List<JournalEntry> taken = journal.take(10);
            assertThat(ids(taken)).isEqualTo(ten);

            taken.subList(0, 4).forEach(entry -> journal.confirm(entry.id()));
            List<Long> next = appendAll(journal, Lane.TELEMETRY, "again", 4);

            assertThat(next.get(0)).isGreaterThan(ten.get(9));
            assertThat(texts(journal.take(100))).containsExactly("again-0", "again-1", "again-2", "again-3");
            assertThatThrownBy(() -> journal.append(Lane.TELEMETRY, "over".getBytes()).join())
                    .hasCauseInstanceOf(JournalFullException.class);
        }
    }

    @Test
    void segmentsWhoseEntriesAreAllConfirmedOrDeadLetteredAreDeleted() throws Exception {
        try (SegmentJournal journal = SegmentJournal.open(small(1L << 20, 1_000_000), null)) {
            for (int n = 0; n < 6 * RECORDS_PER_SEGMENT; n++) {
                journal.append(Lane.RESULT, payload(n)).join();
            }
            assertThat(segmentFiles(dir)).hasSize(6);
            List<JournalEntry> taken = journal.take(1000);

            journal.deadLetter(taken.get(0).id(), "unpublishable");
            taken.subList(1, taken.size()).forEach(entry -> journal.confirm(entry.id()));

            await().until(() -> segmentFiles(dir).size() == 1);
            assertThat(Segment.ackPathOf(segmentFiles(dir).get(0))).exists();
            assertThat(journal.stats().deadLettered()).isEqualTo(1);
            assertThat(journal.stats().bytesOnDisk())
                    .isEqualTo(Files.size(segmentFiles(dir).get(0))
                            + Files.size(Segment.ackPathOf(segmentFiles(dir).get(0)))
                            + Files.size(dir.resolve(DeadLetterFile.NAME)));
        }
    }
}

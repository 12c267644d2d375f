package io.scangate.gateway.journal;

import static io.scangate.gateway.journal.JournalFixture.appendAll;
import static io.scangate.gateway.journal.JournalFixture.appendDurably;
import static io.scangate.gateway.journal.JournalFixture.copyDirectory;
import static io.scangate.gateway.journal.JournalFixture.ids;
import static io.scangate.gateway.journal.JournalFixture.lastSegment;
import static io.scangate.gateway.journal.JournalFixture.segmentFiles;
import static io.scangate.gateway.journal.JournalFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentJournalRecoveryTest {

    @TempDir
    Path dir;

    @TempDir
    Path crashCopy;

    private SegmentJournal open(Path directory) throws IOException {
        return SegmentJournal.open(JournalSettings.defaults(directory), null);
    }

    /** Small records and segments so that a few dozen entries span several segment files. */
    private static JournalSettings smallSegments(Path directory) {
        return JournalSettings.defaults(directory).withMaxRecordBytes(100).withSegmentBytes(400);
    }

    @Test
    void unconfirmedEntriesComeBackInOrderAfterReopenAndConfirmedOnesNever() throws Exception {
        List<Long> results;
        long alarm;
        try (SegmentJournal journal = open(dir)) {
            results = appendAll(journal, Lane.RESULT, "scan", 6);
            alarm = appendDurably(journal, Lane.ALARM, "alarm");
            List<JournalEntry> taken = journal.take(4);
            journal.confirm(taken.get(0).id());
            journal.confirm(taken.get(2).id());
        }

        try (SegmentJournal reopened = open(dir)) {
            List<JournalEntry> again = reopened.take(100);

            assertThat(ids(again)).containsExactly(results.get(0), results.get(2), results.get(3), results.get(4),
                    results.get(5)).doesNotContain(alarm);
            assertThat(texts(again)).containsExactly("scan-0", "scan-2", "scan-3", "scan-4", "scan-5");
            assertThat(reopened.recovery().unconfirmed()).isEqualTo(5);
            assertThat(reopened.recovery().tornTails()).isZero();
        }
    }

    @Test
    void crashWithoutCloseKeepsEveryAcknowledgedAppendAndReturnsInFlightEntries() throws Exception {
        try (SegmentJournal journal = open(dir)) {
            List<Long> ids = appendAll(journal, Lane.RESULT, "scan", 50);
            List<JournalEntry> inFlight = journal.take(10);
            journal.confirm(inFlight.get(0).id());
            journal.confirm(inFlight.get(1).id());
            // The writer works in queue order: once a later append is durable, the confirmations are too.
            long marker = appendDurably(journal, Lane.TELEMETRY, "marker");

            copyDirectory(dir, crashCopy);

            try (SegmentJournal recovered = open(crashCopy)) {
                List<Long> expected = new ArrayList<>(ids.subList(2, 50));
                expected.add(marker);
                assertThat(ids(recovered.take(1000))).containsExactlyElementsOf(expected);
                assertThat(recovered.recovery().tornTails()).isZero();
            }
        }
    }

    @Test
    void tornTailIsCutReportedAndNeverReturned() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<Long> ids;
        try (SegmentJournal journal = open(dir)) {
            ids = appendAll(journal, Lane.RESULT, "scan", 5);
        }
        Path segment = lastSegment(dir);
        long size = Files.size(segment);
        truncate(segment, size - 3);

        try (SegmentJournal recovered = SegmentJournal.open(JournalSettings.defaults(dir), registry)) {
            assertThat(texts(recovered.take(100))).containsExactly("scan-0", "scan-1", "scan-2", "scan-3");
            RecoveryReport report = recovered.recovery();
            assertThat(report.tornTails()).isEqualTo(1);
            assertThat(report.droppedBytes()).isEqualTo(RecordFormat.recordBytes("scan-4".length()) - 3);
            assertThat(registry.get("scangate.journal.torn.tails").counter().count()).isEqualTo(1);
            assertThat(Files.size(segment)).isEqualTo(size - RecordFormat.recordBytes("scan-4".length()));
            assertThat(appendDurably(recovered, Lane.RESULT, "after"))
                    .as("the id of the cut record is not handed out again").isGreaterThan(ids.get(4));
        }
    }

    @Test
    void tailCutInsideARecordPrefixOrZeroFilledExtensionIsDropped() throws Exception {
        try (SegmentJournal journal = open(dir)) {
            appendAll(journal, Lane.RESULT, "scan", 3);
        }
        Path segment = lastSegment(dir);
        truncate(segment, Files.size(segment) - RecordFormat.recordBytes("scan-2".length()) + 5);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.allocate(4096));
        }

        try (SegmentJournal recovered = open(dir)) {
            assertThat(texts(recovered.take(100))).containsExactly("scan-0", "scan-1");
            assertThat(recovered.recovery().droppedBytes()).isEqualTo(5 + 4096);
        }
    }

    @Test
    void flippedByteInTheLastRecordFailsItsChecksumAndOnlyItIsDropped() throws Exception {
        try (SegmentJournal journal = open(dir)) {
            appendAll(journal, Lane.RESULT, "scan", 5);
        }
        Path segment = lastSegment(dir);
        flipByte(segment, Files.size(segment) - 2);

        try (SegmentJournal recovered = open(dir)) {
            assertThat(texts(recovered.take(100))).containsExactly("scan-0", "scan-1", "scan-2", "scan-3");
            assertThat(recovered.recovery().tornTails()).isEqualTo(1);
        }
        try (SegmentJournal again = open(dir)) {
            assertThat(again.recovery().tornTails()).as("the cut is made once, on disk").isZero();
            assertThat(again.recovery().unconfirmed()).isEqualTo(4);
        }
    }

    @Test
    void corruptionInAnOlderSegmentCutsThatSegmentOnlyAndKeepsLaterSegments() throws Exception {
        try (SegmentJournal journal = SegmentJournal.open(smallSegments(dir), null)) {
            appendAll(journal, Lane.RESULT, "scan", 40);
        }
        List<Path> segments = segmentFiles(dir);
        assertThat(segments).hasSizeGreaterThanOrEqualTo(3);
        long recordBytes = RecordFormat.recordBytes("scan-0".length());
        flipByte(segments.get(0), RecordFormat.SEGMENT_HEADER_BYTES + recordBytes + 12);

        try (SegmentJournal recovered = SegmentJournal.open(smallSegments(dir), null)) {
            List<String> texts = texts(recovered.take(100));
            assertThat(texts).startsWith("scan-0").doesNotContain("scan-1").contains("scan-39");
            assertThat(recovered.recovery().tornTails()).isEqualTo(1);
        }
    }

    @Test
    void idsKeepIncreasingAcrossRestartsEvenWhenEverythingWasConfirmed() throws Exception {
        long last;
        try (SegmentJournal journal = SegmentJournal.open(smallSegments(dir), null)) {
            last = appendAll(journal, Lane.TELEMETRY, "bg", 30).get(29);
            journal.take(100).forEach(entry -> journal.confirm(entry.id()));
        }
        long afterFirstRestart;
        try (SegmentJournal journal = SegmentJournal.open(smallSegments(dir), null)) {
            assertThat(journal.take(100)).isEmpty();
            afterFirstRestart = appendDurably(journal, Lane.TELEMETRY, "bg-after");
        }
        try (SegmentJournal journal = SegmentJournal.open(smallSegments(dir), null)) {
            assertThat(afterFirstRestart).isGreaterThan(last);
            assertThat(appendDurably(journal, Lane.TELEMETRY, "bg-later")).isGreaterThan(afterFirstRestart);
        }
    }

    @Test
    void deadLetterPersistsAcrossReopen() throws Exception {
        long poison;
        try (SegmentJournal journal = open(dir)) {
            poison = appendDurably(journal, Lane.ALARM, "poison");
            appendDurably(journal, Lane.ALARM, "fine");
            journal.take(1);
            journal.deadLetter(poison, "schema version 99 unknown");
        }

        try (SegmentJournal reopened = open(dir)) {
            assertThat(texts(reopened.take(10))).containsExactly("fine");
            assertThat(reopened.stats().deadLettered()).isEqualTo(1);
            assertThat(DeadLetterFile.readAll(dir)).singleElement()
                    .satisfies(letter -> assertThat(letter.id()).isEqualTo(poison));
        }
    }

    @Test
    void aTornAckTailOnlyCausesARepublish() throws Exception {
        List<Long> ids;
        try (SegmentJournal journal = open(dir)) {
            ids = appendAll(journal, Lane.RESULT, "scan", 3);
            journal.take(3).forEach(entry -> journal.confirm(entry.id()));
        }
        Path ack = Segment.ackPathOf(lastSegment(dir));
        truncate(ack, Files.size(ack) - 5);

        try (SegmentJournal reopened = open(dir)) {
            assertThat(ids(reopened.take(10))).containsExactly(ids.get(2));
        }
    }

    @Test
    void aFailingDiskFailsAppendsLoudlyAndKeepsWhatWasAcknowledged() throws Exception {
        byte[] record = new byte[100];
        List<Long> acknowledged = new ArrayList<>();
        try (SegmentJournal journal = SegmentJournal.open(smallSegments(dir), null)) {
            for (int i = 0; i < 3; i++) {
                acknowledged.add(journal.append(Lane.RESULT, record).join());
            }
            // The next record needs a new segment; a directory squatting on its name makes creating it fail.
            Path squatter = Files.createDirectory(dir.resolve(Segment.logName(acknowledged.get(2) + 1)));

            assertThatThrownBy(() -> journal.append(Lane.RESULT, record).join())
                    .hasCauseInstanceOf(java.nio.file.FileAlreadyExistsException.class);
            assertThatThrownBy(() -> journal.append(Lane.RESULT, record).join())
                    .as("the journal stays refused until restarted").hasCauseInstanceOf(IOException.class);
            assertThat(ids(journal.take(10))).isEqualTo(acknowledged);
            Files.delete(squatter);
        }

        try (SegmentJournal reopened = SegmentJournal.open(smallSegments(dir), null)) {
            assertThat(ids(reopened.take(10))).isEqualTo(acknowledged);
            assertThat(reopened.append(Lane.RESULT, record).join()).isGreaterThan(acknowledged.get(2));
        }
    }

    @Test
    void anInterruptedConsumerThreadDoesNotBreakTheJournal() throws Exception {
        try (SegmentJournal journal = open(dir)) {
            List<Long> ids = appendAll(journal, Lane.RESULT, "scan", 3);

            Thread.currentThread().interrupt();
            List<JournalEntry> taken;
            try {
                taken = journal.take(1);
            } finally {
                assertThat(Thread.interrupted()).isTrue();
            }

            assertThat(ids(taken)).containsExactly(ids.get(0));
            assertThat(ids(journal.take(10))).containsExactly(ids.get(1), ids.get(2));
        }
    }

    @Test
    void aRecordRottingAfterRecoveryIsDeadLetteredWhenTakenNeverReturned() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (SegmentJournal journal = SegmentJournal.open(JournalSettings.defaults(dir), registry)) {
            List<Long> ids = appendAll(journal, Lane.RESULT, "scan", 3);
            Path segment = lastSegment(dir);
            flipByte(segment, RecordFormat.SEGMENT_HEADER_BYTES + RecordFormat.recordBytes("scan-0".length()) + 20);

            assertThat(ids(journal.take(10))).containsExactly(ids.get(0), ids.get(2));

            assertThat(registry.get("scangate.journal.read.corrupt").counter().count()).isEqualTo(1);
            await().until(() -> journal.stats().deadLettered() == 1);
            assertThat(DeadLetterFile.readAll(dir)).singleElement().satisfies(letter -> {
                assertThat(letter.id()).isEqualTo(ids.get(1));
                assertThat(letter.reason()).contains("checksum");
            });
        }
    }

    @Test
    void aForeignFileNamedLikeASegmentStopsOpenWithAnExplanation() throws Exception {
        Files.write(dir.resolve(Segment.logName(1)), "not a journal segment at all".getBytes());

        assertThatThrownBy(() -> open(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a scangate journal segment").hasMessageContaining("move it");
        Files.delete(dir.resolve(Segment.logName(1)));
        try (SegmentJournal retried = open(dir)) {
            assertThat(retried.stats().stored()).as("the failed open released the directory lock").isZero();
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x40)).rewind();
            channel.write(one, offset);
        }
    }
}

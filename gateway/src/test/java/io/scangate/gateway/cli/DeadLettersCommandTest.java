package io.scangate.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scangate.gateway.journal.DeadLetterFile;
import io.scangate.gateway.journal.JournalEntry;
import io.scangate.gateway.journal.JournalSettings;
import io.scangate.gateway.journal.Lane;
import io.scangate.gateway.journal.RequeuedFile;
import io.scangate.gateway.journal.SegmentJournal;
import io.scangate.gateway.testing.Envelopes;
import io.scangate.proto.v1.Envelope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code scangate dead-letters list|requeue} against a real {@link SegmentJournal} on disk: entries are
 * dead-lettered through the journal's own API, listed, requeued, and taken back after a reopen.
 */
class DeadLettersCommandTest {

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new CommandLine(new DeadLettersCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void listsDeadLettersRequeuesSomeAndTheReopenedJournalHandsThemOutWithIdenticalPayloadsInLaneOrder() throws Exception {
        Envelope result1 = Envelopes.radiationScan("lane-1", "rpm-1", false);
        Envelope alarm = Envelopes.radiationScan("lane-1", "rpm-1", true);
        Envelope result2 = Envelopes.xrayScan("lane-2", "xray-2");
        Envelope telemetry = Envelopes.measurement("lane-1", "rpm-1");
        long idResult1;
        long idAlarm;
        long idResult2;
        long idTelemetry;
        try (SegmentJournal journal = open()) {
            idResult1 = append(journal, Lane.RESULT, result1.toByteArray());
            idAlarm = append(journal, Lane.ALARM, alarm.toByteArray());
            idResult2 = append(journal, Lane.RESULT, result2.toByteArray());
            idTelemetry = append(journal, Lane.TELEMETRY, telemetry.toByteArray());
            deadLetterAll(journal, 4, "payload of 900 bytes exceeds the broker's maximum packet size 512");
        }

        assertThat(run("list", "--journal", dir.toString())).isZero();
        assertThat(out.toString().lines().toList()).hasSize(5)
                .anySatisfy(line -> assertThat(line).startsWith("id=" + idAlarm + " lane=ALARM ")
                        .contains(" event=" + alarm.getEventId() + " device=rpm-1 kind=radiation bytes="
                                + alarm.getSerializedSize() + " requeued=no reason=\"payload of 900 bytes exceeds"
                                + " the broker's maximum packet size 512\""))
                .contains("4 dead letter(s), 0 requeued");

        assertThat(run("requeue", "--journal", dir.toString(), "--id", Long.toString(idResult2), "--id",
                Long.toString(idResult1), "--id", Long.toString(idAlarm), "--dry-run")).isZero();
        assertThat(out.toString()).contains("would requeue 3 dead letter(s); nothing written");
        assertThat(RequeuedFile.readAll(dir)).as("a dry run writes nothing").isEmpty();

        assertThat(run("requeue", "--journal", dir.toString(), "--id", Long.toString(idResult2), "--id",
                Long.toString(idResult1), "--id", Long.toString(idAlarm))).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("requeued " + idResult1 + " -> \\d+ lane=RESULT event="
                + result1.getEventId() + " device=rpm-1");
        assertThat(lines.get(3)).isEqualTo("requeued 3 dead letter(s); the gateway publishes them at its next start");

        try (SegmentJournal journal = open()) {
            List<JournalEntry> taken = journal.take(10);
            assertThat(taken).extracting(JournalEntry::lane).containsExactly(Lane.ALARM, Lane.RESULT, Lane.RESULT);
            assertThat(taken).extracting(entry -> Envelope.parseFrom(entry.payload()))
                    .containsExactly(alarm, result1, result2);
            assertThat(taken.get(0).payload()).isEqualTo(alarm.toByteArray());
            assertThat(taken).extracting(JournalEntry::id).allSatisfy(id -> assertThat(id).isGreaterThan(idTelemetry));
            assertThat(journal.take(10)).as("neither the old records nor the telemetry dead letter come back").isEmpty();
        }

        assertThat(run("list", "--journal", dir.toString(), "--json")).isZero();
        List<JsonNode> json = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            json.add(new ObjectMapper().readTree(line));
        }
        assertThat(json).hasSize(4);
        JsonNode alarmJson = json.stream().filter(node -> node.get("id").asLong() == idAlarm).findFirst().orElseThrow();
        assertThat(alarmJson.get("eventId").asText()).isEqualTo(alarm.getEventId());
        assertThat(alarmJson.get("lane").asText()).isEqualTo("ALARM");
        assertThat(alarmJson.get("requeued").get("newId").asLong()).isGreaterThan(idTelemetry);
        JsonNode telemetryJson = json.stream().filter(node -> node.get("id").asLong() == idTelemetry).findFirst()
                .orElseThrow();
        assertThat(telemetryJson.get("requeued").isNull()).isTrue();
        assertThat(telemetryJson.get("kind").asText()).isEqualTo("measurement");
    }

    @Test
    void aSecondRequeueOfTheSameIdAndAnIdThatIsNoDeadLetterAreRefusedByName() throws Exception {
        long dead;
        long stored;
        try (SegmentJournal journal = open()) {
            dead = append(journal, Lane.RESULT, Envelopes.raw("lane-1", "rpm-1").toByteArray());
            deadLetterAll(journal, 1, "unreadable device reference");
            stored = append(journal, Lane.RESULT, Envelopes.raw("lane-1", "rpm-1").toByteArray());
        }
        assertThat(run("requeue", "--journal", dir.toString(), "--id", Long.toString(dead))).isZero();

        assertThat(run("requeue", "--journal", dir.toString(), "--id", Long.toString(dead), "--id",
                Long.toString(stored))).isEqualTo(2);
        assertThat(err.toString()).contains("refused 2 id(s), nothing requeued",
                dead + ": already requeued as ", stored + ": not a dead letter of this journal");
        assertThat(run("requeue", "--journal", dir.toString(), "--all")).isZero();
        assertThat(out.toString()).contains("requeued 0 dead letter(s)");
        assertThat(RequeuedFile.readAll(dir)).hasSize(1);

        try (SegmentJournal journal = open()) {
            assertThat(journal.take(10)).as("the stored entry and one requeued copy").hasSize(2);
        }
    }

    @Test
    void requeueWhileAnotherJournalHoldsTheDirectoryFailsAndSaysToStopTheGateway() throws Exception {
        try (SegmentJournal journal = open()) {
            append(journal, Lane.RESULT, Envelopes.raw("lane-1", "rpm-1").toByteArray());
            deadLetterAll(journal, 1, "too large");

            assertThat(run("list", "--journal", dir.toString())).as("list works while the journal is open").isZero();
            assertThat(out.toString()).contains("1 dead letter(s), 0 requeued");

            assertThat(run("requeue", "--journal", dir.toString(), "--all")).isEqualTo(1);
            assertThat(err.toString()).contains("journal directory " + dir + " is already open in this process",
                    "stop the gateway first");
            assertThat(RequeuedFile.readAll(dir)).isEmpty();
        }
    }

    @Test
    void anUndecodablePayloadIsListedAsSuchAndAnUnknownFileIsReportedNotThrown() throws Exception {
        byte[] garbage = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01, 0x02};
        long id;
        try (SegmentJournal journal = open()) {
            id = append(journal, Lane.TELEMETRY, garbage);
            deadLetterAll(journal, 1, "not a valid scangate.v1.Envelope");
        }

        assertThat(run("list", "--journal", dir.toString())).isZero();
        assertThat(out.toString()).contains("id=" + id + " lane=TELEMETRY ", " envelope=\"not a scangate.v1.Envelope: ",
                " bytes=5 requeued=no reason=\"not a valid scangate.v1.Envelope\"");
        assertThat(run("list", "--journal", dir.toString(), "--json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("envelopeError").asText())
                .startsWith("not a scangate.v1.Envelope");

        Files.writeString(dir.resolve(RequeuedFile.NAME), "NOTOURS!and more", StandardCharsets.US_ASCII);
        assertThat(run("list", "--journal", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is not a scangate dead-letter requeue file (bad magic); move it away");
        assertThat(run("list", "--journal", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a directory");
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("name a subcommand: list or requeue");
        assertThat(run("requeue", "--journal", dir.toString(), "--all", "--id", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void aTornRequeueRecordIsCutAndItsDeadLetterCanBeRequeuedAgain() throws Exception {
        long id;
        try (SegmentJournal journal = open()) {
            id = append(journal, Lane.RESULT, Envelopes.raw("lane-1", "rpm-1").toByteArray());
            deadLetterAll(journal, 1, "too large");
        }
        assertThat(run("requeue", "--journal", dir.toString(), "--all")).isZero();
        Path file = dir.resolve(RequeuedFile.NAME);
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 5);
        }
        assertThat(run("list", "--journal", dir.toString())).isZero();
        assertThat(out.toString()).contains("id=" + id + " ", " requeued=no ");

        assertThat(run("requeue", "--journal", dir.toString(), "--id", Long.toString(id))).isZero();
        assertThat(RequeuedFile.readAll(dir)).hasSize(1);
        try (SegmentJournal journal = open()) {
            assertThat(journal.take(10)).as("at least once: two copies with the same event id").hasSize(2)
                    .extracting(entry -> Envelope.parseFrom(entry.payload()).getEventId()).containsOnly(
                            Envelope.parseFrom(DeadLetterFile.readAll(dir).get(0).payload()).getEventId());
        }
    }

    @Test
    void aFullJournalStopsTheRequeueWithItsOwnErrorAndSaysHowManyWereRequeued() throws Exception {
        try (SegmentJournal journal = open()) {
            for (int i = 0; i < 3; i++) {
                append(journal, Lane.RESULT, Envelopes.raw("lane-1", "rpm-" + i).toByteArray());
            }
            deadLetterAll(journal, 3, "too large");
            append(journal, Lane.RESULT, Envelopes.raw("lane-1", "rpm-stored").toByteArray());
        }
        Path config = Files.writeString(dir.resolveSibling(dir.getFileName() + ".yaml"), """
                site: s
                gatewayId: g
                journal: {maxEntries: 2}
                devices:
                  - {id: a, driver: vm250, lane: l1, transport: {kind: tcp-client, host: h, port: 1600}}
                """);

        assertThat(run("requeue", "--journal", dir.toString(), "--all", "--config", config.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("failed: ", "requeued 1 of 3, the rest are still dead letters");
        assertThat(out.toString()).contains("requeued 1 dead letter(s)");
        assertThat(RequeuedFile.readAll(dir)).hasSize(1);
    }

    private SegmentJournal open() throws Exception {
        return SegmentJournal.open(JournalSettings.defaults(dir), null);
    }

    private static long append(SegmentJournal journal, Lane lane, byte[] payload) throws Exception {
        return journal.append(lane, payload).get(10, TimeUnit.SECONDS);
    }

    /** Takes and dead-letters {@code count} entries, then waits until the dead-letter file has them. */
    private void deadLetterAll(SegmentJournal journal, int count, String reason) throws Exception {
        int before = DeadLetterFile.readAll(dir).size();
        List<JournalEntry> taken = journal.take(count);
        assertThat(taken).hasSize(count);
        taken.forEach(entry -> journal.deadLetter(entry.id(), reason));
        Awaitility.await("dead letters durable").atMost(10, TimeUnit.SECONDS)
                .until(() -> DeadLetterFile.readAll(dir).size() >= before + count);
    }
}

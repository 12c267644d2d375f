package io.scangate.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process crash: a child JVM appends as fast as it can and prints every acknowledged id; the test
 * kills it with SIGKILL in the middle of its writes and checks that recovery returns every acknowledged
 * entry with its payload, in order.
 */
class KilledProcessRecoveryTest {

    private static final int ACKS_BEFORE_KILL = 3_000;
    /** Marks the child's acknowledgement lines apart from its log output on the same stdout. */
    private static final String ACK = "ACK ";

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedAppendSurvivesAKill9() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), KilledProcessRecoveryTest.class.getName(),
                dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<Long, String> acknowledged = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKS_BEFORE_KILL && (line = lines.readLine()) != null) {
                if (line.startsWith(ACK)) {
                    String[] idAndText = line.substring(ACK.length()).split(" ", 2);
                    acknowledged.put(Long.parseLong(idAndText[0]), idAndText[1]);
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("the child acknowledged appends before being killed")
                .hasSize(ACKS_BEFORE_KILL);

        try (SegmentJournal recovered = SegmentJournal.open(JournalSettings.defaults(dir), null)) {
            List<JournalEntry> entries = recovered.take(1_000_000);
            Map<Long, String> found = new HashMap<>();
            long previous = 0;
            for (JournalEntry entry : entries) {
                assertThat(entry.id()).isGreaterThan(previous);
                previous = entry.id();
                found.put(entry.id(), JournalFixture.text(entry));
            }
            assertThat(found).containsAllEntriesOf(acknowledged);
        }
    }

    /** The child: appends "payload-n" with 64 appends outstanding, printing "ACK id payload-n" once durable. */
    public static void main(String[] args) throws Exception {
        SegmentJournal journal = SegmentJournal.open(JournalSettings.defaults(Path.of(args[0])), null);
        Semaphore window = new Semaphore(64);
        for (long n = 0; ; n++) {
            window.acquire();
            String text = "payload-" + n;
            CompletableFuture<Long> future = journal.append(Lane.RESULT, text.getBytes(StandardCharsets.UTF_8));
            future.thenAccept(id -> {
                synchronized (System.out) {
                    System.out.println(ACK + id + " " + text);
                    System.out.flush();
                }
                window.release();
            });
        }
    }
}

package io.scangate.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Small helpers shared by the journal tests; every journal lives in a JUnit temporary directory. */
final class JournalFixture {

    private JournalFixture() {
    }

    static byte[] payload(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(JournalEntry entry) {
        return new String(entry.payload(), StandardCharsets.UTF_8);
    }

    static List<String> texts(List<JournalEntry> entries) {
        return entries.stream().map(JournalFixture::text).toList();
    }

    static List<Long> ids(List<JournalEntry> entries) {
        return entries.stream().map(JournalEntry::id).toList();
    }

    static long appendDurably(Journal journal, Lane lane, String text) {
        try {
            return journal.append(lane, payload(text)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("append of " + text + " failed", e);
        }
    }

    /** Appends {@code count} entries named prefix-0.. and waits until all are durable. */
    static List<Long> appendAll(Journal journal, Lane lane, String prefix, int count) {
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(journal.append(lane, payload(prefix + "-" + i)));
        }
        List<Long> ids = new ArrayList<>();
        for (CompletableFuture<Long> future : futures) {
            ids.add(future.orTimeout(10, TimeUnit.SECONDS).join());
        }
        return ids;
    }

    /** Copies a live journal directory file by file, as a crash would leave it (no close, no flush). */
    static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static List<Path> segmentFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> Segment.firstIdOf(file) > 0).sorted().toList();
        }
    }

    static Path lastSegment(Path directory) throws IOException {
        List<Path> segments = segmentFiles(directory);
        assertThat(segments).isNotEmpty();
        return segments.get(segments.size() - 1);
    }
}

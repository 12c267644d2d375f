package io.scangate.gateway.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.scangate.driver.BlobRef;
import io.scangate.driver.BlobStoreFullException;
import io.scangate.driver.BlobWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real disk: addresses, atomic commits, quota, crash leftovers. */
class FileBlobStoreTest {

    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    private final ExecutorService io = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopExecutor() throws InterruptedException {
        io.shutdown();
        assertThat(io.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCommittedBlobIsNamedByTheSha256OfItsBytesAndLivesAtItsAddress() throws Exception {
        FileBlobStore store = open(4 * MIB);
        byte[] content = randomBytes(300_000, 1);

        BlobWriter writer = store.create("application/dicom", content.length);
        writeInPieces(writer, content, 7_777);
        BlobRef ref = commit(writer);

        String expected = sha256(content);
        assertThat(ref).isEqualTo(new BlobRef(expected, content.length, "application/dicom"));
        Path path = dir.resolve("sha256").resolve(expected.substring(0, 2)).resolve(expected.substring(2));
        assertThat(store.find(expected)).contains(path);
        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        assertThat(store.usedBytes()).isEqualTo(content.length);
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void writingDoesNotConsumeTheCallersBufferAndHashesEveryComponentOfACompositeBuffer() throws Exception {
        FileBlobStore store = open(4 * MIB);
        CompositeByteBuf composite = Unpooled.compositeBuffer();
        composite.addComponent(true, Unpooled.copiedBuffer("first part,", StandardCharsets.US_ASCII));
        composite.addComponent(true, Unpooled.directBuffer().writeBytes("second part".getBytes(StandardCharsets.US_ASCII)));

        BlobWriter writer = store.create("text/plain", -1);
        writer.write(composite);
        assertThat(composite.readableBytes()).isEqualTo(22);
        BlobRef ref = commit(writer);
        composite.release();

        assertThat(ref.sha256()).isEqualTo(sha256("first part,second part".getBytes(StandardCharsets.US_ASCII)));
        assertThat(writer.size()).isEqualTo(22);
    }

    @Test
    void theSameContentTwiceKeepsOneFileAndIsCountedOnce() throws Exception {
        FileBlobStore store = open(4 * MIB);
        byte[] content = randomBytes(100_000, 2);

        BlobRef first = commit(written(store, content));
        BlobRef second = commit(written(store, content));

        assertThat(second).isEqualTo(first);
        assertThat(store.usedBytes()).isEqualTo(content.length);
        assertThat(committedFiles()).hasSize(1);
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void abortLeavesNoFileAndGivesTheBytesBack() throws Exception {
        FileBlobStore store = open(4 * MIB);
        BlobWriter writer = written(store, randomBytes(200_000, 3));
        assertThat(temporaryFiles()).hasSize(1);
        assertThat(store.usedBytes()).isEqualTo(200_000);

        writer.abort();
        writer.abort();

        assertThat(temporaryFiles()).isEmpty();
        assertThat(committedFiles()).isEmpty();
        assertThat(store.usedBytes()).isZero();
    }

    @Test
    void createRefusesABlobWhoseExpectedSizeDoesNotFit() throws Exception {
        FileBlobStore store = open(MIB);
        commit(written(store, randomBytes(600_000, 4)));

        assertThatThrownBy(() -> store.create("application/dicom", 500_000))
                .isInstanceOf(BlobStoreFullException.class).hasMessageContaining("maxBytes");
        assertThat(store.create("application/dicom", 400_000)).isNotNull();
    }

    @Test
    void writingPastTheQuotaIsRefusedAndDeletingABlobMakesRoomAgain() throws Exception {
        FileBlobStore store = open(MIB);
        BlobRef filler = commit(written(store, randomBytes(700_000, 5)));
        BlobWriter writer = store.create("application/dicom", -1);
        writeInPieces(writer, randomBytes(300_000, 6), 100_000);

        assertThatThrownBy(() -> writer.write(Unpooled.wrappedBuffer(new byte[100_000])))
                .isInstanceOf(BlobStoreFullException.class);
        writer.abort();
        assertThat(store.usedBytes()).isEqualTo(700_000);
        assertThatThrownBy(() -> store.create("application/dicom", 500_000)).isInstanceOf(BlobStoreFullException.class);

        assertThat(store.delete(filler.sha256())).isTrue();
        assertThat(store.delete(filler.sha256())).isFalse();
        assertThat(store.usedBytes()).isZero();
        assertThat(commit(written(store, randomBytes(500_000, 7))).sizeBytes()).isEqualTo(500_000);
    }

    @Test
    void anUnknownSizeIsRefusedAtCreateOnlyWhenTheStoreIsAlreadyFull() throws Exception {
        FileBlobStore store = open(MIB);
        fill(store, MIB);

        assertThatThrownBy(() -> store.create("application/dicom", -1)).isInstanceOf(BlobStoreFullException.class);
    }

    @Test
    void openRemovesTemporaryFilesLeftByACrashAndCountsCommittedBlobs() throws Exception {
        FileBlobStore before = open(4 * MIB);
        BlobRef kept = commit(written(before, randomBytes(123_456, 8)));
        written(before, randomBytes(50_000, 9));
        assertThat(temporaryFiles()).hasSize(1);

        FileBlobStore after = open(4 * MIB);

        assertThat(temporaryFiles()).isEmpty();
        assertThat(after.usedBytes()).isEqualTo(123_456);
        assertThat(after.find(kept.sha256())).isPresent();
    }

    @Test
    void aWriterIsFinishedByCommitOrAbortOnlyOnce() throws Exception {
        FileBlobStore store = open(4 * MIB);
        BlobWriter writer = written(store, randomBytes(1_000, 10));
        BlobRef ref = commit(writer);
        writer.abort();

        assertThat(store.find(ref.sha256())).isPresent();
        assertThatThrownBy(() -> writer.write(Unpooled.wrappedBuffer(new byte[1])))
                .isInstanceOf(IllegalStateException.class);
        assertThat(writer.commit().toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void aCommitThatFailsOnDiskFailsItsStageAndGivesTheBytesBack() throws Exception {
        FileBlobStore store = open(4 * MIB);
        BlobWriter writer = written(store, randomBytes(10_000, 11));
        for (Path temp : temporaryFiles()) {
            Files.delete(temp);
        }

        assertThatThrownBy(() -> commit(writer)).hasCauseInstanceOf(IOException.class);
        assertThat(store.usedBytes()).isZero();
        assertThat(committedFiles()).isEmpty();
    }

    @Test
    void settingsNameTheKeyAndTheFix() {
        assertThat(BlobStoreSettings.defaults(dir).validate()).isEmpty();
        List<String> problems = new BlobStoreSettings(null, 10).validate();

        assertThat(problems).extracting(p -> p.substring(0, p.indexOf(':'))).containsExactly("directory", "maxBytes");
        assertThat(problems).allSatisfy(p -> assertThat(p).matches("\\w+: .+ \\(.+\\)"));
        assertThatThrownBy(() -> FileBlobStore.open(new BlobStoreSettings(dir, 10), io))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes:");
    }

    @Test
    void addressesMustBeHexSha256() throws Exception {
        FileBlobStore store = open(MIB);

        assertThatThrownBy(() -> store.find("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.find("0".repeat(64))).isEmpty();
    }

    private FileBlobStore open(long maxBytes) throws IOException {
        return FileBlobStore.open(new BlobStoreSettings(dir, maxBytes), io);
    }

    private static BlobWriter written(FileBlobStore store, byte[] content) throws IOException {
        BlobWriter writer = store.create("application/octet-stream", content.length);
        writeInPieces(writer, content, 65_536);
        return writer;
    }

    private static void fill(FileBlobStore store, long bytes) throws Exception {
        BlobWriter writer = store.create("application/octet-stream", -1);
        writeInPieces(writer, randomBytes((int) (bytes - store.usedBytes()), 99), 65_536);
        commit(writer);
    }

    private static void writeInPieces(BlobWriter writer, byte[] content, int piece) throws IOException {
        for (int from = 0; from < content.length; from += piece) {
            ByteBuf buffer = Unpooled.wrappedBuffer(content, from, Math.min(piece, content.length - from));
            writer.write(buffer);
        }
    }

    private static BlobRef commit(BlobWriter writer) throws Exception {
        return writer.commit().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("tmp"))) {
            return files.toList();
        }
    }

    private List<Path> committedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("sha256"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}

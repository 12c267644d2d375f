package io.scangate.gateway.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.gateway.blob.BlobReferences;
import io.scangate.gateway.journal.JournalEntry;
import io.scangate.gateway.journal.JournalSettings;
import io.scangate.gateway.journal.Lane;
import io.scangate.gateway.journal.SegmentJournal;
import io.scangate.gateway.testing.Envelopes;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.ImageChunk;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a restart, the blobs still referenced are counted from the journal's unconfirmed chunk entries. */
class ImageRecoveryTest {

    private static final String FIRST = "aa".repeat(32);
    private static final String SECOND = "bb".repeat(32);

    @TempDir
    Path dir;

    @Test
    void unconfirmedChunksOnDiskPinTheirBlobsAfterARestart() throws Exception {
        JournalSettings settings = JournalSettings.defaults(dir).withSegmentBytes(1 << 20).withQuotas(8 << 20, 1000)
                .withMaxRecordBytes(64 << 10);
        try (SegmentJournal journal = SegmentJournal.open(settings, null)) {
            journal.append(Lane.RESULT, Envelopes.xrayScan("lane-1", "xray-1").toByteArray()).get();
            for (int i = 0; i < 3; i++) {
                journal.append(Lane.BULK, chunk(FIRST, i).toByteArray()).get();
            }
            journal.append(Lane.BULK, chunk(SECOND, 0).toByteArray()).get();
            List<JournalEntry> taken = journal.take(10);
            JournalEntry secondsOnlyChunk = taken.get(taken.size() - 1);
            journal.confirm(taken.get(1).id());
            journal.confirm(secondsOnlyChunk.id());
        }

        BlobReferences references = new BlobReferences();
        ImageRecovery recovery = new ImageRecovery(references);
        try (SegmentJournal reopened = SegmentJournal.open(settings, null, recovery)) {
            assertThat(reopened.stats().stored()).isEqualTo(3);
        }

        assertThat(recovery.chunks()).isEqualTo(2);
        assertThat(references.unsettled(FIRST)).isEqualTo(2);
        assertThat(references.inUse(SECOND)).isFalse();
    }

    private static Envelope chunk(String image, int index) {
        return Envelopes.stamped("lane-1", "xray-1").setImageChunk(ImageChunk.newBuilder().setImageSha256(image)
                .setIndex(index).setOffset(index * 4096L).setLength(4096).setSha256("0".repeat(64))).build();
    }
}

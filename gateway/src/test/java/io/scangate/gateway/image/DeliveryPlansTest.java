package io.scangate.gateway.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.gateway.blob.ChunkHashes;
import io.scangate.gateway.testing.Envelopes;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.ImageChunk;
import io.scangate.proto.v1.ImageManifest;
import io.scangate.proto.v1.ImageRef;
import io.scangate.proto.v1.XrayScan;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveryPlansTest {

    private static final String IMAGE = "ab".repeat(32);
    private final AtomicLong sequence = new AtomicLong(100);
    private final Function<Envelope.Builder, Envelope> stamp = builder -> builder
            .setEventId(UUID.randomUUID().toString()).setSequence(sequence.incrementAndGet()).build();

    @Test
    void oneManifestThenOneReferencePerChunkWithoutBytes() {
        Envelope scan = scan(Envelopes.stamped("lane-1", "xray-1"), 1_000_000, "1436", "998000");
        List<String> hashes = IntStream.range(0, 4).mapToObj(i -> Integer.toHexString(i).repeat(64).substring(0, 64)).toList();
        ChunkHashes chunks = new ChunkHashes(262_144, 1_000_000, hashes);

        List<Envelope> plan = DeliveryPlans.expand(scan, List.of(chunks), stamp);

        assertThat(plan).hasSize(5);
        assertThat(plan).extracting(Envelope::getBodyCase).containsExactly(Envelope.BodyCase.IMAGE_MANIFEST,
                Envelope.BodyCase.IMAGE_CHUNK, Envelope.BodyCase.IMAGE_CHUNK, Envelope.BodyCase.IMAGE_CHUNK,
                Envelope.BodyCase.IMAGE_CHUNK);
        assertThat(plan).extracting(Envelope::getSequence).isSorted().doesNotHaveDuplicates();
        ImageManifest manifest = plan.get(0).getImageManifest();
        assertThat(manifest.getImageSha256()).isEqualTo(IMAGE);
        assertThat(manifest.getScanEventId()).isEqualTo(scan.getEventId());
        assertThat(manifest.getChunkCount()).isEqualTo(4);
        assertThat(manifest.getChunkSize()).isEqualTo(262_144);
        assertThat(manifest.getRows()).isEqualTo(3000);
        assertThat(manifest.getColumns()).isEqualTo(3500);
        assertThat(manifest.getHasPixelData()).isTrue();
        assertThat(manifest.getPixelDataOffset()).isEqualTo(1436);
        assertThat(manifest.getPixelDataLength()).isEqualTo(998_000);
        assertThat(manifest.getWindowCenter()).isEqualTo(2048);
        assertThat(manifest.getWindowWidth()).isEqualTo(4096);
        assertThat(manifest.getPixelRepresentation()).isZero();
        assertThat(manifest.getMediaType()).isEqualTo("application/dicom");
        ImageChunk last = plan.get(4).getImageChunk();
        assertThat(last.getIndex()).isEqualTo(3);
        assertThat(last.getOffset()).isEqualTo(3 * 262_144L);
        assertThat(last.getLength()).isEqualTo(1_000_000 - 3 * 262_144);
        assertThat(last.getSha256()).isEqualTo(hashes.get(3));
        assertThat(plan.subList(1, plan.size())).allSatisfy(chunk -> assertThat(chunk.getImageChunk().getData().isEmpty()).isTrue());
        assertThat(plan).allSatisfy(message -> assertThat(message.getDeviceTime()).isEqualTo(scan.getDeviceTime()));
    }

    @Test
    void pixelDataOutsideTheFileOrMissingIsNotAnnounced() {
        Envelope scan = scan(Envelopes.stamped("lane-1", "xray-1"), 1000, "900", "200");
        ChunkHashes chunks = new ChunkHashes(4096, 1000, List.of("0".repeat(64)));

        ImageManifest manifest = DeliveryPlans.expand(scan, List.of(chunks), stamp).get(0).getImageManifest();

        assertThat(manifest.getHasPixelData()).isFalse();
        assertThat(DeliveryPlans.number("40\\400", -1)).isEqualTo(40);
        assertThat(DeliveryPlans.number("junk", -1)).isEqualTo(-1);
    }

    static Envelope scan(Envelope.Builder stamped, long size, String pixelOffset, String pixelLength) {
        return stamped.setDeviceTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(1_790_000_000))
                .setXrayScan(XrayScan.newBuilder()
                        .setScanId("1.2.3.4")
                        .addImages(ImageRef.newBuilder().setSha256(IMAGE).setSizeBytes(size).setWidth(3500).setHeight(3000)
                                .setBitsAllocated(16).setBitsStored(16).setPhotometricInterpretation("MONOCHROME2")
                                .setEncoding("1.2.840.10008.1.2.1"))
                        .putAttributes("MediaType", "application/dicom")
                        .putAttributes("PixelRepresentation", "0")
                        .putAttributes("WindowCenter", "2048\\1000")
                        .putAttributes("WindowWidth", "4096\\500")
                        .putAttributes(DeliveryPlans.PIXEL_DATA_OFFSET, pixelOffset)
                        .putAttributes(DeliveryPlans.PIXEL_DATA_LENGTH, pixelLength))
                .build();
    }
}

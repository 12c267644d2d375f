package io.scangate.gateway.tail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.ImageChunk;
import io.scangate.proto.v1.ImageManifest;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageAssemblerTest {

    private static final int CHUNK = 4096;
    private static final int HEADER = 300;
    private static final int ROWS = 60;
    private static final int COLUMNS = 80;

    @TempDir
    Path out;
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final ImageAssembler.Listener listener = new ImageAssembler.Listener() {
        @Override
        public void complete(ImageManifest manifest, Path file, Path preview, String previewProblem) {
            events.add("complete " + file.getFileName() + " " + (preview == null ? previewProblem : preview.getFileName()));
        }

        @Override
        public void failed(String sha256, String reason) {
            events.add("failed " + reason);
        }

        @Override
        public void chunkRejected(String sha256, long index, String reason) {
            events.add("rejected " + index + " " + reason);
        }
    };

    @Test
    void chunksOutOfOrderWithDuplicatesAndTheManifestLastMakeTheFileAndAPreview() throws Exception {
        byte[] file = sixteenBitImage();
        List<Envelope> messages = messages(file);
        Envelope manifest = messages.remove(0);
        List<Envelope> shuffled = new ArrayList<>(messages);
        shuffled.addAll(messages.subList(0, 3));
        Collections.shuffle(shuffled, new Random(7));
        ImageAssembler assembler = new ImageAssembler(out, listener);

        shuffled.forEach(assembler::accept);
        assertThat(events).isEmpty();
        assembler.accept(manifest);
        messages.forEach(assembler::accept);

        String sha = sha256(file);
        assertThat(events).containsExactly("complete " + sha + ".dcm " + sha + ".png");
        assertThat(Files.readAllBytes(out.resolve(sha + ".dcm"))).isEqualTo(file);
        BufferedImage png = ImageIO.read(out.resolve(sha + ".png").toFile());
        assertThat(png.getWidth()).isEqualTo(COLUMNS);
        assertThat(png.getHeight()).isEqualTo(ROWS);
        assertThat(png.getRaster().getSample(0, 0, 0)).isZero();
        assertThat(png.getRaster().getSample(COLUMNS - 1, ROWS - 1, 0)).isEqualTo(255);
        assertThat(assembler.incomplete()).isEmpty();
    }

    @Test
    void aChunkWhoseBytesDoNotMatchItsHashIsRejectedAndTheImageStaysIncomplete() throws Exception {
        byte[] file = sixteenBitImage();
        List<Envelope> messages = messages(file);
        Envelope tampered = messages.get(2).toBuilder().setImageChunk(messages.get(2).getImageChunk().toBuilder()
                .setData(ByteString.copyFrom(new byte[messages.get(2).getImageChunk().getLength()]))).build();
        messages.set(2, tampered);
        ImageAssembler assembler = new ImageAssembler(out, listener);

        messages.forEach(assembler::accept);
        assembler.close();

        String sha = sha256(file);
        assertThat(events).singleElement().asString().startsWith("rejected 1 data hashes to");
        assertThat(assembler.incomplete()).singleElement().satisfies(open -> {
            assertThat(open.chunksReceived()).isEqualTo(open.chunkCount() - 1);
            assertThat(open.manifestReceived()).isTrue();
        });
        assertThat(out.resolve(sha + ".dcm")).doesNotExist();
        assertThat(out.resolve(sha + ".part")).exists();
    }

    @Test
    void aFileThatDoesNotHashToTheManifestIsNeverNamedComplete() throws Exception {
        byte[] file = sixteenBitImage();
        List<Envelope> messages = messages(file);
        String claimed = "0".repeat(64);
        List<Envelope> lying = messages.stream().map(e -> switch (e.getBodyCase()) {
            case IMAGE_MANIFEST -> e.toBuilder().setImageManifest(e.getImageManifest().toBuilder().setImageSha256(claimed)).build();
            default -> e.toBuilder().setImageChunk(e.getImageChunk().toBuilder().setImageSha256(claimed)).build();
        }).toList();
        ImageAssembler assembler = new ImageAssembler(out, listener);

        lying.forEach(assembler::accept);

        assertThat(events).singleElement().asString().startsWith("failed reassembled file has " + file.length);
        assertThat(out.resolve(claimed + ".dcm")).doesNotExist();
        assertThat(out.resolve(claimed + ".corrupt")).exists();
    }

    /** A fake Part-10 file: a header, then 16-bit little-endian pixels rising from 0 to 4000. */
    static byte[] sixteenBitImage() {
        ByteBuffer file = ByteBuffer.allocate(HEADER + ROWS * COLUMNS * 2).order(ByteOrder.LITTLE_ENDIAN);
        new Random(1).nextBytes(file.array());
        file.position(HEADER);
        for (int i = 0; i < ROWS * COLUMNS; i++) {
            file.putShort((short) (i * 4000 / (ROWS * COLUMNS - 1)));
        }
        return file.array();
    }

    static List<Envelope> messages(byte[] file) throws Exception {
        String sha = sha256(file);
        int count = (file.length + CHUNK - 1) / CHUNK;
        List<Envelope> messages = new ArrayList<>();
        messages.add(Envelope.newBuilder().setImageManifest(ImageManifest.newBuilder().setImageSha256(sha)
                .setSizeBytes(file.length).setChunkSize(CHUNK).setChunkCount(count).setMediaType("application/dicom")
                .setRows(ROWS).setColumns(COLUMNS).setBitsAllocated(16).setBitsStored(16).setSamplesPerPixel(1)
                .setPhotometricInterpretation("MONOCHROME2").setHasPixelData(true).setPixelDataOffset(HEADER)
                .setPixelDataLength(ROWS * COLUMNS * 2L)).build());
        for (int i = 0; i < count; i++) {
            byte[] data = Arrays.copyOfRange(file, i * CHUNK, Math.min(file.length, (i + 1) * CHUNK));
            messages.add(Envelope.newBuilder().setImageChunk(ImageChunk.newBuilder().setImageSha256(sha).setIndex(i)
                    .setOffset((long) i * CHUNK).setLength(data.length).setSha256(sha256(data))
                    .setData(ByteString.copyFrom(data))).build());
        }
        return messages;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

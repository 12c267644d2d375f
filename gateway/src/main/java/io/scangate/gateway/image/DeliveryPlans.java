package io.scangate.gateway.image;

import io.scangate.gateway.blob.ChunkHashes;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.ImageChunk;
import io.scangate.proto.v1.ImageManifest;
import io.scangate.proto.v1.ImageRef;
import io.scangate.proto.v1.XrayScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a stamped {@link XrayScan} and the chunk hashes of its images into the messages that deliver them:
 * per image one {@link ImageManifest} and one {@link ImageChunk} per chunk. A chunk is journalled as a
 * reference (image, index, offset, length, hash) with no {@code data}: the publisher reads the bytes from
 * the blob when it sends it.
 */
public final class DeliveryPlans {

    /** Attributes the dicos driver records for a scan of one image (offsets within the Part-10 file). */
    static final String PIXEL_DATA_OFFSET = "scangate.pixelDataOffset";
    static final String PIXEL_DATA_LENGTH = "scangate.pixelDataLength";

    private DeliveryPlans() {
    }

    /**
     * The manifests and chunk references, in delivery order, each already stamped.
     *
     * @param scan the stamped envelope of the scan
     * @param chunks the chunk hashes of {@code scan}'s images, in the order of {@code XrayScan.images}
     * @param stamp stamps a builder (event id, sequence, device, receive time)
     */
    public static List<Envelope> expand(Envelope scan, List<ChunkHashes> chunks, Function<Envelope.Builder, Envelope> stamp) {
        XrayScan xray = scan.getXrayScan();
        if (chunks.size() != xray.getImagesCount()) {
            throw new IllegalArgumentException(chunks.size() + " chunk plans for " + xray.getImagesCount() + " images");
        }
        List<Envelope> messages = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            ImageRef image = xray.getImages(i);
            ChunkHashes hashes = chunks.get(i);
            messages.add(stamp.apply(withDeviceTime(scan).setImageManifest(manifest(scan, i, hashes))));
            for (int index = 0; index < hashes.count(); index++) {
                messages.add(stamp.apply(withDeviceTime(scan).setImageChunk(ImageChunk.newBuilder()
                        .setImageSha256(image.getSha256())
                        .setIndex(index)
                        .setOffset(hashes.offset(index))
                        .setLength(hashes.length(index))
                        .setSha256(hashes.hashes().get(index)))));
            }
        }
        return messages;
    }

    static ImageManifest manifest(Envelope scan, int imageIndex, ChunkHashes hashes) {
        XrayScan xray = scan.getXrayScan();
        ImageRef image = xray.getImages(imageIndex);
        Map<String, String> attributes = xray.getAttributesMap();
        ImageManifest.Builder manifest = ImageManifest.newBuilder()
                .setImageSha256(image.getSha256())
                .setSizeBytes(hashes.size())
                .setEncoding(image.getEncoding())
                .setMediaType(attributes.getOrDefault("MediaType", ""))
                .setChunkSize(hashes.chunkSize())
                .setChunkCount(hashes.count())
                .setScanId(xray.getScanId())
                .setScanEventId(scan.getEventId())
                .setImageIndex(imageIndex)
                .setRows(image.getHeight())
                .setColumns(image.getWidth())
                .setBitsAllocated(image.getBitsAllocated())
                .setBitsStored(image.getBitsStored())
                .setPhotometricInterpretation(image.getPhotometricInterpretation())
                .setPixelRepresentation((int) number(attributes.get("PixelRepresentation"), 0))
                .setSamplesPerPixel((int) number(attributes.get("SamplesPerPixel"), 1));
        // The driver's offsets describe the scan's one file; a scan of several images would need them per image.
        long offset = (long) number(attributes.get(PIXEL_DATA_OFFSET), -1);
        long length = (long) number(attributes.get(PIXEL_DATA_LENGTH), -1);
        if (xray.getImagesCount() == 1 && offset >= 0 && length >= 0 && offset + length <= hashes.size()) {
            manifest.setHasPixelData(true).setPixelDataOffset(offset).setPixelDataLength(length);
        }
        double center = number(attributes.get("WindowCenter"), Double.NaN);
        double width = number(attributes.get("WindowWidth"), Double.NaN);
        if (Double.isFinite(center) && Double.isFinite(width) && width > 0) {
            manifest.setWindowCenter(center).setWindowWidth(width);
        }
        return manifest.build();
    }

    private static Envelope.Builder withDeviceTime(Envelope scan) {
        Envelope.Builder builder = Envelope.newBuilder();
        if (scan.hasDeviceTime()) {
            builder.setDeviceTime(scan.getDeviceTime());
        }
        return builder;
    }

    /** The first value of a DICOM decimal or integer string ({@code "40\\400"} gives 40), else {@code absent}. */
    static double number(String text, double absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        String first = text.split("\\\\", 2)[0].trim();
        try {
            return Double.parseDouble(first);
        } catch (NumberFormatException e) {
            return absent;
        }
    }
}

package io.scangate.gateway.tail;

import io.scangate.proto.v1.ImageManifest;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.imageio.ImageIO;

/**
 * Renders the native pixel data of a reassembled image as an 8-bit grey PNG a person can look at: values
 * masked to Bits Stored (sign-extended when Pixel Representation is 1), windowed with the manifest's window
 * when it has one, else with a percentile window, inverted for MONOCHROME1. Reads only the manifest, never
 * the DICOM dataset.
 */
final class ImagePreview {

    static final String BIG_ENDIAN_TRANSFER_SYNTAX = "1.2.840.10008.1.2.2";

    private ImagePreview() {
    }

    /** Why the image cannot be previewed, or null when it can. */
    static String unsupported(ImageManifest m) {
        if (!m.getHasPixelData()) {
            return "no native pixel data offset in the manifest (compressed or not an image)";
        }
        if (m.getSamplesPerPixel() != 1 || !m.getPhotometricInterpretation().startsWith("MONOCHROME")) {
            return "preview only for one-sample grey images, this one is " + m.getPhotometricInterpretation()
                    + " with " + m.getSamplesPerPixel() + " samples";
        }
        if (m.getBitsAllocated() != 8 && m.getBitsAllocated() != 16) {
            return "preview only for 8 or 16 bits allocated, not " + m.getBitsAllocated();
        }
        long needed = (long) m.getRows() * m.getColumns() * (m.getBitsAllocated() / 8);
        if (m.getRows() == 0 || m.getColumns() == 0 || needed > m.getPixelDataLength()) {
            return "pixel data of " + m.getPixelDataLength() + " bytes cannot hold " + m.getRows() + "x" + m.getColumns();
        }
        return null;
    }

    /** Writes {@code png}; the caller checked {@link #unsupported}. Returns the window used. */
    static Window render(Path file, ImageManifest m, Path png) throws IOException {
        int rows = m.getRows();
        int columns = m.getColumns();
        int[] values = new int[columns];
        BufferedImage image = new BufferedImage(columns, rows, BufferedImage.TYPE_BYTE_GRAY);
        byte[] grey = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long bytes = (long) rows * columns * (m.getBitsAllocated() / 8);
            MappedByteBuffer pixels = channel.map(FileChannel.MapMode.READ_ONLY, m.getPixelDataOffset(), bytes);
            pixels.order(BIG_ENDIAN_TRANSFER_SYNTAX.equals(m.getEncoding()) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            Stored stored = new Stored(m.getBitsAllocated(), m.getBitsStored(), m.getPixelRepresentation() == 1);
            Window window = m.hasWindowCenter() && m.hasWindowWidth() && m.getWindowWidth() >= 1
                    ? new Window(m.getWindowCenter(), m.getWindowWidth()) : histogramWindow(pixels, rows * (long) columns, stored);
            boolean invert = "MONOCHROME1".equals(m.getPhotometricInterpretation());
            pixels.position(0);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    values[x] = stored.next(pixels);
                }
                for (int x = 0; x < columns; x++) {
                    int level = window.grey(values[x]);
                    grey[y * columns + x] = (byte) (invert ? 255 - level : level);
                }
            }
            Path temp = png.resolveSibling(png.getFileName() + ".part");
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
            Files.move(temp, png, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return window;
        }
    }

    private static Window histogramWindow(MappedByteBuffer pixels, long count, Stored stored) {
        long[] histogram = new long[1 << stored.bits];
        for (long i = 0; i < count; i++) {
            histogram[stored.next(pixels) - stored.minimum()]++;
        }
        return Window.percentile(histogram, stored.minimum());
    }

    /** Reads one stored value after another: masked to Bits Stored, sign-extended when signed. */
    static final class Stored {
        private final int allocated;
        private final int bits;
        private final boolean signed;

        Stored(int allocated, int bitsStored, boolean signed) {
            this.allocated = allocated;
            this.bits = bitsStored <= 0 || bitsStored > allocated ? allocated : bitsStored;
            this.signed = signed;
        }

        int minimum() {
            return signed ? -(1 << (bits - 1)) : 0;
        }

        int next(java.nio.ByteBuffer pixels) {
            int raw = allocated == 16 ? pixels.getShort() & 0xFFFF : pixels.get() & 0xFF;
            return value(raw);
        }

        int value(int raw) {
            int masked = raw & ((1 << bits) - 1);
            if (signed && (masked & (1 << (bits - 1))) != 0) {
                return masked - (1 << bits);
            }
            return masked;
        }
    }
}

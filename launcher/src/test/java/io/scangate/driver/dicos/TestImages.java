package io.scangate.driver.dicos;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** Inputs for dcmtk's own tools, and reading back what a Part-10 file holds. */
final class TestImages {

    private TestImages() {
    }

    /** A 24-bit BMP (the format img2dcm reads besides JPEG) with a recognisable pattern. */
    static Path bmp(Path file, int width, int height) throws IOException {
        int rowBytes = (width * 3 + 3) & ~3;
        int pixelBytes = rowBytes * height;
        ByteBuffer out = ByteBuffer.allocate(54 + pixelBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 'B').put((byte) 'M').putInt(54 + pixelBytes).putInt(0).putInt(54);
        out.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24).putInt(0)
                .putInt(pixelBytes).putInt(2835).putInt(2835).putInt(0).putInt(0);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.put((byte) (x * 5)).put((byte) (y * 3)).put((byte) ((x ^ y) * 7));
            }
            out.put(new byte[rowBytes - width * 3]);
        }
        Files.write(file, out.array());
        return file;
    }

    /**
     * A dump2dcm input for a 16-bit DX image whose pixel data is read from {@code pixels}, a raw little
     * endian file written here.
     */
    static Path dxDump(Path directory, String sopClassUid, String sopInstanceUid, int rows, int columns)
            throws IOException {
        Path pixels = directory.resolve("pixels-" + rows + "x" + columns + ".raw");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(pixels), 1 << 16)) {
            byte[] row = new byte[columns * 2];
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    int value = (x * 7 + y * 13) & 0xFFFF;
                    row[2 * x] = (byte) value;
                    row[2 * x + 1] = (byte) (value >>> 8);
                }
                out.write(row);
            }
        }
        String dump = String.join("\n",
                "(0002,0010) UI =LittleEndianExplicit",
                "(0008,0008) CS [ORIGINAL\\PRIMARY]",
                "(0008,0016) UI [" + sopClassUid + "]",
                "(0008,0018) UI [" + sopInstanceUid + "]",
                "(0008,0022) DA [20261126]",
                "(0008,0032) TM [081530.250]",
                "(0008,0060) CS [DX]",
                "(0008,0070) LO [ACME Scanners]",
                "(0008,0201) SH [+0100]",
                "(0008,1090) LO [Portal 9000]",
                "(0018,1164) DS [0.5\\0.6]",
                "(0018,5101) CS [TOP]",
                "(0020,000d) UI [1.2.826.0.1.3680043.10.1143.2]",
                "(0020,000e) UI [1.2.826.0.1.3680043.10.1143.3]",
                "(0020,0013) IS [7]",
                "(0028,0002) US 1",
                "(0028,0004) CS [MONOCHROME2]",
                "(0028,0010) US " + rows,
                "(0028,0011) US " + columns,
                "(0028,0100) US 16",
                "(0028,0101) US 16",
                "(0028,0102) US 15",
                "(0028,0103) US 0",
                "(7fe0,0010) OW =" + pixels.getFileName(),
                "");
        Path file = directory.resolve("dx-" + rows + "x" + columns + ".dump");
        Files.writeString(file, dump);
        return file;
    }

    /** The dataset of a Part-10 file: what follows the preamble, "DICM" and the file meta group. */
    static byte[] dataset(byte[] part10) {
        ByteBuffer in = ByteBuffer.wrap(part10).order(ByteOrder.LITTLE_ENDIAN);
        if (!"DICM".equals(new String(part10, 128, 4, java.nio.charset.StandardCharsets.US_ASCII))
                || in.getShort(132) != 2 || in.getShort(134) != 0) {
            throw new IllegalArgumentException("not a Part-10 file with a group length first");
        }
        int metaEnd = 144 + in.getInt(140);
        return Arrays.copyOfRange(part10, metaEnd, part10.length);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

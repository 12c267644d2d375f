package io.scangate.driver.dicos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The top-level values a {@link DatasetScanner} kept, by tag, and where the pixel data sits.
 *
 * @param pixelDataOffset offset of the Pixel Data value from the start of the dataset, -1 when absent
 * @param pixelDataLength its length, -1 when absent or encapsulated
 * @param datasetBytes length of the whole dataset
 */
record DatasetAttributes(Map<Integer, byte[]> values, long pixelDataOffset, long pixelDataLength,
        long datasetBytes) {

    /** A text value without its padding (trailing spaces or NUL), or "" when absent. */
    String string(int tag) {
        byte[] raw = values.get(tag);
        if (raw == null) {
            return "";
        }
        int end = raw.length;
        while (end > 0 && (raw[end - 1] == ' ' || raw[end - 1] == 0)) {
            end--;
        }
        // Latin-1 keeps every byte; exact character sets (0008,0005) matter for names, not for these values.
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1).strip();
    }

    /** An US value (binary little endian), or 0 when absent or not two bytes. */
    int unsignedShort(int tag) {
        byte[] raw = values.get(tag);
        if (raw == null || raw.length != 2) {
            return 0;
        }
        return (raw[0] & 0xFF) | (raw[1] & 0xFF) << 8;
    }

    /** The values of a multi-valued DS, skipping any that is not a number. */
    List<Double> decimals(int tag) {
        List<Double> numbers = new ArrayList<>();
        for (String part : string(tag).split("\\\\")) {
            try {
                numbers.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                numbers.add(Double.NaN);
            }
        }
        return numbers;
    }

    boolean has(int tag) {
        return values.containsKey(tag);
    }
}

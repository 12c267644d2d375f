package io.scangate.driver.dicos;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One captured sequence item (PS3.5 7.5): the values and nested sequences a {@link DatasetScanner} kept from
 * it. Filled while scanning on one event loop, read afterwards.
 */
final class DatasetItem {

    private final Map<Integer, byte[]> values = new HashMap<>();
    private final Map<Integer, List<DatasetItem>> sequences = new HashMap<>();

    Map<Integer, byte[]> values() {
        return values;
    }

    Map<Integer, List<DatasetItem>> sequences() {
        return sequences;
    }

    /** The items of a captured nested sequence, empty when absent. */
    List<DatasetItem> items(int sequenceTag) {
        return sequences.getOrDefault(sequenceTag, List.of());
    }

    String string(int tag) {
        return text(values.get(tag));
    }

    int unsignedShort(int tag) {
        return unsignedShort(values.get(tag));
    }

    List<Float> floats(int tag) {
        return floats(values.get(tag));
    }

    boolean has(int tag) {
        return values.containsKey(tag);
    }

    /** A text value without its padding (trailing spaces or NUL), or "" when absent. */
    static String text(byte[] raw) {
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
    static int unsignedShort(byte[] raw) {
        if (raw == null || raw.length != 2) {
            return 0;
        }
        return (raw[0] & 0xFF) | (raw[1] & 0xFF) << 8;
    }

    /** The values of an FL element (binary little endian); a trailing partial value is ignored. */
    static List<Float> floats(byte[] raw) {
        if (raw == null) {
            return List.of();
        }
        ByteBuffer in = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        List<Float> numbers = new ArrayList<>(raw.length / 4);
        while (in.remaining() >= 4) {
            numbers.add(in.getFloat());
        }
        return numbers;
    }
}

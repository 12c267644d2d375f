package io.scangate.driver.dicos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The top-level values a {@link DatasetScanner} kept, by tag, the captured sequences (those of a DICOS
 * threat detection report), and where the pixel data sits.
 *
 * @param sequences captured top-level sequences by tag, their items with the nested values kept
 * @param droppedItems sequence items not captured because {@link DatasetScanner#MAX_CAPTURED_ITEMS} were
 * @param pixelDataOffset offset of the Pixel Data value from the start of the dataset, -1 when absent
 * @param pixelDataLength its length, -1 when absent or encapsulated
 * @param datasetBytes length of the whole dataset
 */
record DatasetAttributes(Map<Integer, byte[]> values, Map<Integer, List<DatasetItem>> sequences, int droppedItems,
        long pixelDataOffset, long pixelDataLength, long datasetBytes) {

    /** A text value without its padding (trailing spaces or NUL), or "" when absent. */
    String string(int tag) {
        return DatasetItem.text(values.get(tag));
    }

    /** An US value (binary little endian), or 0 when absent or not two bytes. */
    int unsignedShort(int tag) {
        return DatasetItem.unsignedShort(values.get(tag));
    }

    /** The items of a captured top-level sequence, empty when absent. */
    List<DatasetItem> items(int sequenceTag) {
        return sequences.getOrDefault(sequenceTag, List.of());
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

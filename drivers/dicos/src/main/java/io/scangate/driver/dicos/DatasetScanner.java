package io.scangate.driver.dicos;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a dataset (PS3.5 7) incrementally as its fragments arrive, in implicit or explicit VR little
 * endian, and keeps only the top-level values of {@link Tags#WANTED} (each at most
 * {@value #MAX_VALUE_BYTES} bytes), plus the content of the DICOS threat detection sequences
 * ({@link Tags#CAPTURED_SEQUENCES} and, inside them, {@link Tags#CAPTURED_IN_ITEMS}, at most {@value #MAX_CAPTURED_ITEMS} items in all). Everything else,
 * pixel data above all, is skipped by counting, so heap use does not depend on the dataset's size.
 * Sequences and items of undefined length are followed to their delimiters; those of defined length are
 * skipped whole unless captured. Structure that contradicts the encoding (an item outside a sequence, a VR
 * that is not two letters, a dataset ending inside an element, an element running past the end of its item)
 * is malformed.
 */
final class DatasetScanner {

    static final int MAX_VALUE_BYTES = 1024;
    static final int MAX_CAPTURED_ITEMS = 1024;
    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    private static final long AT_DELIMITER = -1;
    private static final int SHORT_HEADER_BYTES = 8;
    private static final int LONG_HEADER_BYTES = 12;

    private enum Container { SEQUENCE, ITEM }

    /**
     * An open sequence or item: where it ends ({@link #AT_DELIMITER} for undefined length) and, when its
     * content is captured, the list collecting a sequence's items or the item collecting values.
     */
    private record Frame(Container kind, long end, List<DatasetItem> items, DatasetItem item) {
    }

    private final boolean explicitVr;
    private final byte[] header = new byte[LONG_HEADER_BYTES];
    private int headerFill;
    private int headerNeed = SHORT_HEADER_BYTES;
    private long skipRemaining;
    private byte[] value;
    private int valueFill;
    private int valueTag;
    private Map<Integer, byte[]> valueTarget;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Map<Integer, byte[]> values = new HashMap<>();
    private final Map<Integer, List<DatasetItem>> sequences = new HashMap<>();
    private int capturedItems;
    private int droppedItems;
    private long position;
    private long pixelDataOffset = -1;
    private long pixelDataLength = -1;

    DatasetScanner(boolean explicitVr) {
        this.explicitVr = explicitVr;
    }

    /** Reads the readable bytes of {@code data} without consuming them. */
    void feed(ByteBuf data) throws MalformedDatasetException {
        int index = data.readerIndex();
        int end = data.writerIndex();
        while (index < end) {
            int available = end - index;
            if (skipRemaining > 0) {
                int skipped = (int) Math.min(skipRemaining, available);
                skipRemaining -= skipped;
                index += skipped;
                position += skipped;
            } else if (value != null) {
                int copied = Math.min(value.length - valueFill, available);
                data.getBytes(index, value, valueFill, copied);
                valueFill += copied;
                index += copied;
                position += copied;
                if (valueFill == value.length) {
                    valueTarget.put(valueTag, value);
                    value = null;
                }
            } else {
                int copied = Math.min(headerNeed - headerFill, available);
                data.getBytes(index, header, headerFill, copied);
                headerFill += copied;
                index += copied;
                position += copied;
                if (headerFill == headerNeed) {
                    onHeader();
                }
            }
            if (skipRemaining == 0 && value == null && headerFill == 0) {
                closeEndedFrames();
            }
        }
    }

    /** The values read, once the whole dataset has been fed. */
    DatasetAttributes finish() throws MalformedDatasetException {
        if (headerFill > 0 || skipRemaining > 0 || value != null) {
            throw new MalformedDatasetException("dataset ends inside an element after " + position + " bytes");
        }
        if (!frames.isEmpty()) {
            throw new MalformedDatasetException("dataset ends inside " + frames.size()
                    + " undelimited sequence or item level(s)");
        }
        return new DatasetAttributes(Map.copyOf(values), Map.copyOf(sequences), droppedItems, pixelDataOffset,
                pixelDataLength, position);
    }

    private void onHeader() throws MalformedDatasetException {
        int tag = (unsignedShort(0) << 16) | unsignedShort(2);
        long headerStart = position - headerNeed;
        if ((tag >>> 16) == 0xFFFE) {
            long length = unsignedInt(4);
            resetHeader();
            onItemTag(tag, length, headerStart);
            return;
        }
        Frame top = frames.peek();
        if (top != null && top.kind() == Container.SEQUENCE) {
            throw new MalformedDatasetException("element " + Tags.text(tag) + " at byte " + headerStart
                    + " where a sequence item was expected");
        }
        long length;
        boolean sequenceVr = true;
        if (explicitVr) {
            char first = (char) header[4];
            char second = (char) header[5];
            if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
                throw new MalformedDatasetException(String.format("element %s at byte %d has no VR (0x%02X%02X);"
                        + " is it implicit VR data on an explicit VR context?", Tags.text(tag), headerStart,
                        header[4], header[5]));
            }
            if (headerNeed == SHORT_HEADER_BYTES && hasLongLength(first, second)) {
                headerNeed = LONG_HEADER_BYTES;
                return;
            }
            length = headerNeed == LONG_HEADER_BYTES ? unsignedInt(8) : unsignedShort(6);
            sequenceVr = first == 'S' && second == 'Q';
        } else {
            length = unsignedInt(4);
        }
        resetHeader();
        onElement(tag, length, sequenceVr);
    }

    private void onElement(int tag, long length, boolean sequenceVr) {
        Frame top = frames.peek();
        boolean topLevel = top == null;
        if (topLevel && tag == Tags.PIXEL_DATA) {
            pixelDataOffset = position;
            pixelDataLength = length == UNDEFINED_LENGTH ? -1 : length;
        }
        boolean capturing = topLevel || top.item() != null;
        if (capturing && sequenceVr
                && (topLevel ? Tags.CAPTURED_SEQUENCES : Tags.CAPTURED_IN_ITEMS).contains(tag)) {
            List<DatasetItem> items = new ArrayList<>();
            (topLevel ? sequences : top.item().sequences()).put(tag, items);
            frames.push(new Frame(Container.SEQUENCE, end(length), items, null));
            return;
        }
        if (length == UNDEFINED_LENGTH) {
            frames.push(new Frame(Container.SEQUENCE, AT_DELIMITER, null, null));
            return;
        }
        boolean wanted = topLevel ? Tags.WANTED.containsKey(tag) : capturing && Tags.WANTED_IN_ITEMS.contains(tag);
        if (wanted && length <= MAX_VALUE_BYTES) {
            valueTarget = topLevel ? values : top.item().values();
            if (length == 0) {
                valueTarget.put(tag, new byte[0]);
            } else {
                value = new byte[(int) length];
                valueFill = 0;
                valueTag = tag;
            }
            return;
        }
        skipRemaining = length;
    }

    private void onItemTag(int tag, long length, long headerStart) throws MalformedDatasetException {
        Frame top = frames.peek();
        if (tag == Tags.ITEM && top != null && top.kind() == Container.SEQUENCE) {
            DatasetItem item = null;
            if (top.items() != null && capturedItems < MAX_CAPTURED_ITEMS) {
                item = new DatasetItem();
                top.items().add(item);
                capturedItems++;
            } else if (top.items() != null) {
                droppedItems++;
            }
            if (item != null || length == UNDEFINED_LENGTH) {
                frames.push(new Frame(Container.ITEM, end(length), null, item));
            } else {
                skipRemaining = length;
            }
        } else if (top != null && top.end() == AT_DELIMITER
                && (tag == Tags.ITEM_DELIMITATION && top.kind() == Container.ITEM
                || tag == Tags.SEQUENCE_DELIMITATION && top.kind() == Container.SEQUENCE)) {
            frames.pop();
        } else {
            throw new MalformedDatasetException(Tags.text(tag) + " at byte " + headerStart + " inside "
                    + (top == null ? "the top level" : top.kind().name().toLowerCase()));
        }
    }

    /** Pops the sequences and items of defined length that end here. */
    private void closeEndedFrames() throws MalformedDatasetException {
        Frame top = frames.peek();
        while (top != null && top.end() != AT_DELIMITER && position >= top.end()) {
            if (position > top.end()) {
                throw new MalformedDatasetException("an element runs " + (position - top.end())
                        + " bytes past the end of its " + top.kind().name().toLowerCase() + " at byte " + top.end());
            }
            frames.pop();
            top = frames.peek();
        }
    }

    private long end(long length) {
        return length == UNDEFINED_LENGTH ? AT_DELIMITER : position + length;
    }
    /** VRs with a 2-byte reserved field and a 32-bit length (PS3.5 7.1.2). */
    private static boolean hasLongLength(char first, char second) {
        return switch ("" + first + second) {
            case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" -> true;
            default -> false;
        };
    }

    private void resetHeader() {
        headerFill = 0;
        headerNeed = SHORT_HEADER_BYTES;
    }

    private int unsignedShort(int at) {
        return (header[at] & 0xFF) | (header[at + 1] & 0xFF) << 8;
    }

    private long unsignedInt(int at) {
        return (unsignedShort(at) | (long) unsignedShort(at + 2) << 16) & 0xFFFFFFFFL;
    }
}

package io.scangate.driver.dicos;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a dataset (PS3.5 7) incrementally as its fragments arrive, in implicit or explicit VR little
 * endian, and keeps only the top-level values of {@link Tags#WANTED} (each at most
 * {@value #MAX_VALUE_BYTES} bytes). Everything else, pixel data above all, is skipped by counting, so heap
 * use does not depend on the dataset's size. Sequences and items of undefined length are followed to their
 * delimiters; those of defined length are skipped whole. Structure that contradicts the encoding (an item
 * outside a sequence, a VR that is not two letters, a dataset ending inside an element) is malformed.
 */
final class DatasetScanner {

    static final int MAX_VALUE_BYTES = 1024;
    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    private static final int SHORT_HEADER_BYTES = 8;
    private static final int LONG_HEADER_BYTES = 12;

    private enum Container { SEQUENCE, ITEM }

    private final boolean explicitVr;
    private final byte[] header = new byte[LONG_HEADER_BYTES];
    private int headerFill;
    private int headerNeed = SHORT_HEADER_BYTES;
    private long skipRemaining;
    private byte[] value;
    private int valueFill;
    private int valueTag;
    private final Deque<Container> containers = new ArrayDeque<>();
    private final Map<Integer, byte[]> values = new HashMap<>();
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
                    values.put(valueTag, value);
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
        }
    }

    /** The values read, once the whole dataset has been fed. */
    DatasetAttributes finish() throws MalformedDatasetException {
        if (headerFill > 0 || skipRemaining > 0 || value != null) {
            throw new MalformedDatasetException("dataset ends inside an element after " + position + " bytes");
        }
        if (!containers.isEmpty()) {
            throw new MalformedDatasetException("dataset ends inside " + containers.size()
                    + " undelimited sequence or item level(s)");
        }
        return new DatasetAttributes(Map.copyOf(values), pixelDataOffset, pixelDataLength, position);
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
        if (containers.peek() == Container.SEQUENCE) {
            throw new MalformedDatasetException("element " + Tags.text(tag) + " at byte " + headerStart
                    + " where a sequence item was expected");
        }
        long length;
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
        } else {
            length = unsignedInt(4);
        }
        resetHeader();
        onElement(tag, length);
    }

    private void onElement(int tag, long length) {
        boolean topLevel = containers.isEmpty();
        if (topLevel && tag == Tags.PIXEL_DATA) {
            pixelDataOffset = position;
            pixelDataLength = length == UNDEFINED_LENGTH ? -1 : length;
        }
        if (length == UNDEFINED_LENGTH) {
            containers.push(Container.SEQUENCE);
            return;
        }
        if (topLevel && length <= MAX_VALUE_BYTES && Tags.WANTED.containsKey(tag)) {
            if (length == 0) {
                values.put(tag, new byte[0]);
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
        Container top = containers.peek();
        if (tag == Tags.ITEM && top == Container.SEQUENCE) {
            if (length == UNDEFINED_LENGTH) {
                containers.push(Container.ITEM);
            } else {
                skipRemaining = length;
            }
        } else if (tag == Tags.ITEM_DELIMITATION && top == Container.ITEM
                || tag == Tags.SEQUENCE_DELIMITATION && top == Container.SEQUENCE) {
            containers.pop();
        } else {
            throw new MalformedDatasetException(Tags.text(tag) + " at byte " + headerStart + " inside "
                    + (top == null ? "the top level" : top.name().toLowerCase()));
        }
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

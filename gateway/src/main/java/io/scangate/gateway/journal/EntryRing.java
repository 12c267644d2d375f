package io.scangate.gateway.journal;

import java.util.NoSuchElementException;

/**
 * A FIFO of (id, segment offset, payload length) in three primitive arrays: 16 bytes an entry, no object
 * per entry, so a million-entry backlog costs ~16-24 MiB of heap rather than ~100 MiB of boxed objects.
 * Grows by half and shrinks when a drained backlog leaves it mostly empty. Not thread-safe.
 */
final class EntryRing {

    private static final int MIN_CAPACITY = 64;

    private long[] ids = new long[MIN_CAPACITY];
    private int[] offsets = new int[MIN_CAPACITY];
    private int[] lengths = new int[MIN_CAPACITY];
    private int head;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(long id, int offset, int length) {
        if (size == ids.length) {
            resize(ids.length + (ids.length >> 1));
        }
        int tail = (head + size) % ids.length;
        ids[tail] = id;
        offsets[tail] = offset;
        lengths[tail] = length;
        size++;
    }

    long peekId() {
        if (size == 0) {
            throw new NoSuchElementException("ring is empty");
        }
        return ids[head];
    }

    /** Removes the head and returns it as an entry of the given lane. */
    IndexEntry poll(Lane lane) {
        IndexEntry entry = new IndexEntry(peekId(), lane, offsets[head], lengths[head]);
        head = (head + 1) % ids.length;
        size--;
        if (ids.length > MIN_CAPACITY && size < ids.length / 4) {
            resize(Math.max(MIN_CAPACITY, ids.length / 2));
        }
        return entry;
    }

    long capacityBytes() {
        return (long) ids.length * (Long.BYTES + 2 * Integer.BYTES);
    }

    private void resize(int capacity) {
        long[] newIds = new long[capacity];
        int[] newOffsets = new int[capacity];
        int[] newLengths = new int[capacity];
        for (int i = 0; i < size; i++) {
            int from = (head + i) % ids.length;
            newIds[i] = ids[from];
            newOffsets[i] = offsets[from];
            newLengths[i] = lengths[from];
        }
        ids = newIds;
        offsets = newOffsets;
        lengths = newLengths;
        head = 0;
    }
}

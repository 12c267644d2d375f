package io.scangate.gateway.journal;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The stored entries of one lane in id order: the append-ordered ring, merged on the way out with the
 * few entries a publisher released (they go back ahead of every later entry). Not thread-safe.
 */
final class LaneQueue {

    private final Lane lane;
    private final EntryRing appended = new EntryRing();
    private final PriorityQueue<IndexEntry> released = new PriorityQueue<>(Comparator.comparingLong(IndexEntry::id));

    LaneQueue(Lane lane) {
        this.lane = lane;
    }

    void add(long id, int offset, int payloadLength) {
        appended.add(id, offset, payloadLength);
    }

    void putBack(IndexEntry entry) {
        released.add(entry);
    }

    /** Drops a released entry that was confirmed or dead-lettered before being taken again. */
    boolean removeReleased(IndexEntry entry) {
        return released.remove(entry);
    }

    boolean isEmpty() {
        return appended.isEmpty() && released.isEmpty();
    }

    int size() {
        return appended.size() + released.size();
    }

    /** The lowest id waiting, or null. */
    IndexEntry poll() {
        if (released.isEmpty()) {
            return appended.isEmpty() ? null : appended.poll(lane);
        }
        if (appended.isEmpty() || released.peek().id() < appended.peekId()) {
            return released.poll();
        }
        return appended.poll(lane);
    }

    long heapBytes() {
        return appended.capacityBytes() + released.size() * 64L;
    }
}

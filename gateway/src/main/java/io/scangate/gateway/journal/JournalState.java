package io.scangate.gateway.journal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The in-memory index, guarded by this object's monitor: live segments by first id, the stored entries of
 * each lane, the entries in flight and those released back. Holds positions, never payloads.
 */
final class JournalState {

    /** An entry leaving the stored/in-flight states, with the segment that holds it. */
    record Located(IndexEntry entry, Segment segment) {
    }

    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private final EnumMap<Lane, LaneQueue> lanes = new EnumMap<>(Lane.class);
    private final Map<Long, IndexEntry> inFlight = new HashMap<>();
    private final Map<Long, IndexEntry> released = new HashMap<>();
    private long stored;
    private long deadLettered;
    private long awaitingDeadLetter;

    JournalState() {
        for (Lane lane : Lane.values()) {
            lanes.put(lane, new LaneQueue(lane));
        }
    }

    synchronized void addSegment(Segment segment) {
        segments.put(segment.firstId, segment);
    }

    synchronized void addStored(IndexEntry entry) {
        lanes.get(entry.lane()).add(entry.id(), entry.offset(), entry.payloadLength());
        stored++;
    }

    synchronized void addStored(List<IndexEntry> entries) {
        for (IndexEntry entry : entries) {
            addStored(entry);
        }
    }

    synchronized void recordWritten(Segment segment) {
        segment.recordCount++;
    }

    synchronized boolean fullySettled(Segment segment) {
        return segment.fullySettled();
    }

    synchronized void addDeadLettered(long count) {
        deadLettered += count;
    }

    /** Moves up to {@code max} stored entries to in flight, lanes in priority order. */
    synchronized List<Located> take(int max) {
        List<Located> taken = new ArrayList<>(Math.min(max, 1024));
        for (LaneQueue lane : lanes.values()) {
            while (taken.size() < max) {
                IndexEntry entry = lane.poll();
                if (entry == null) {
                    break;
                }
                released.remove(entry.id());
                inFlight.put(entry.id(), entry);
                stored--;
                taken.add(new Located(entry, segmentOf(entry.id())));
            }
        }
        return taken;
    }

    /** Confirms an in-flight or released entry; null when the id is not one of them. */
    synchronized Located confirm(long id) {
        Located located = leave(id);
        if (located != null) {
            located.segment().settledCount++;
        }
        return located;
    }

    /**
     * Takes an in-flight or released entry out of circulation for dead-lettering. It counts as settled only
     * once its dead-letter record is durable ({@link #deadLettered}), so that its segment outlives the copy.
     */
    synchronized Located leaveForDeadLetter(long id) {
        Located located = leave(id);
        if (located != null) {
            awaitingDeadLetter++;
        }
        return located;
    }

    synchronized void deadLettered(Segment segment) {
        segment.settledCount++;
        deadLettered++;
        awaitingDeadLetter--;
    }

    /** Entries not yet settled: stored, in flight, or on their way to the dead-letter file. */
    synchronized long unconfirmed() {
        return stored + inFlight.size() + awaitingDeadLetter;
    }

    synchronized boolean release(long id) {
        IndexEntry entry = inFlight.remove(id);
        if (entry == null) {
            return false;
        }
        released.put(id, entry);
        lanes.get(entry.lane()).putBack(entry);
        stored++;
        return true;
    }

    private Located leave(long id) {
        IndexEntry entry = inFlight.remove(id);
        if (entry == null) {
            entry = released.remove(id);
            if (entry == null) {
                return null;
            }
            lanes.get(entry.lane()).removeReleased(entry);
            stored--;
        }
        return new Located(entry, segmentOf(id));
    }

    private Segment segmentOf(long id) {
        Map.Entry<Long, Segment> floor = segments.floorEntry(id);
        if (floor == null) {
            throw new IllegalStateException("no segment holds id " + id);
        }
        return floor.getValue();
    }

    /** Removes and returns the fully settled segments other than {@code keep}. */
    synchronized List<Segment> removeSettled(Segment keep) {
        List<Segment> settled = new ArrayList<>();
        segments.values().removeIf(segment -> {
            boolean remove = segment != keep && segment.fullySettled();
            if (remove) {
                settled.add(segment);
            }
            return remove;
        });
        return settled;
    }

    synchronized List<Segment> segments() {
        return new ArrayList<>(segments.values());
    }

    synchronized long stored() {
        return stored;
    }

    synchronized long inFlight() {
        return inFlight.size();
    }

    synchronized long deadLetteredCount() {
        return deadLettered;
    }

    synchronized long indexHeapBytes() {
        long bytes = 0;
        for (LaneQueue lane : lanes.values()) {
            bytes += lane.heapBytes();
        }
        return bytes + (inFlight.size() + released.size()) * 96L;
    }
}

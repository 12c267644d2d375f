package io.scangate.gateway.testing;

import io.scangate.gateway.journal.Journal;
import io.scangate.gateway.journal.JournalEntry;
import io.scangate.gateway.journal.JournalStats;
import io.scangate.gateway.journal.Lane;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@link Journal} honouring the contract's states (stored -> in flight -> confirmed, or
 * dead-lettered) and ordering (lanes in priority order, append order within a lane, a released entry back
 * ahead of later ones). It records what the publisher did with each entry, for assertions.
 */
public final class MemoryJournal implements Journal {

    private final Map<Lane, TreeMap<Long, JournalEntry>> stored = new EnumMap<>(Lane.class);
    private final Map<Long, JournalEntry> inFlight = new HashMap<>();
    private final Set<Long> confirmed = new TreeSet<>();
    private final Map<Long, String> deadLetters = new LinkedHashMap<>();
    private final Map<Long, Integer> confirmCalls = new HashMap<>();
    private final List<JournalEntry> takeOrder = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long nextId = 1;
    private long releases;
    private int maxInFlight;
    private long bytes;

    public MemoryJournal() {
        for (Lane lane : Lane.values()) {
            stored.put(lane, new TreeMap<>());
        }
    }

    @Override
    public CompletableFuture<Long> append(Lane lane, byte[] payload) {
        long id;
        synchronized (this) {
            id = nextId++;
            stored.get(lane).put(id, new JournalEntry(id, lane, payload.clone()));
            bytes += payload.length;
        }
        listeners.forEach(Runnable::run);
        return CompletableFuture.completedFuture(id);
    }

    /** Appends and returns the id, for tests that do not care about the future. */
    public long add(Lane lane, byte[] payload) {
        return append(lane, payload).join();
    }

    @Override
    public synchronized List<JournalEntry> take(int max) {
        List<JournalEntry> taken = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            TreeMap<Long, JournalEntry> waiting = stored.get(lane);
            while (taken.size() < max && !waiting.isEmpty()) {
                JournalEntry entry = waiting.pollFirstEntry().getValue();
                inFlight.put(entry.id(), entry);
                taken.add(entry);
            }
        }
        takeOrder.addAll(taken);
        maxInFlight = Math.max(maxInFlight, inFlight.size());
        return taken;
    }

    @Override
    public synchronized void confirm(long id) {
        confirmCalls.merge(id, 1, Integer::sum);
        if (inFlight.remove(id) != null) {
            confirmed.add(id);
        }
    }

    @Override
    public synchronized void release(long id) {
        JournalEntry entry = inFlight.remove(id);
        if (entry != null) {
            releases++;
            stored.get(entry.lane()).put(id, entry);
        }
    }

    @Override
    public synchronized void deadLetter(long id, String reason) {
        JournalEntry entry = inFlight.remove(id);
        if (entry != null) {
            deadLetters.put(id, reason);
        }
    }

    @Override
    public void onAvailable(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized JournalStats stats() {
        long waiting = stored.values().stream().mapToLong(Map::size).sum();
        return new JournalStats(waiting, inFlight.size(), deadLetters.size(), bytes, 0.0);
    }

    @Override
    public void close() {
        listeners.clear();
    }

    public synchronized Set<Long> confirmedIds() {
        return Set.copyOf(confirmed);
    }

    public synchronized int confirmedCount() {
        return confirmed.size();
    }

    /** How often {@link #confirm} was called per id (a confirm of a released entry is a publisher bug). */
    public synchronized Map<Long, Integer> confirmCalls() {
        return Map.copyOf(confirmCalls);
    }

    public synchronized Map<Long, String> deadLetters() {
        return Map.copyOf(deadLetters);
    }

    public synchronized List<JournalEntry> takeOrder() {
        return List.copyOf(takeOrder);
    }

    /** The most entries ever in flight at once. */
    public synchronized int maxInFlight() {
        return maxInFlight;
    }

    public synchronized long releases() {
        return releases;
    }

    /** Entries neither confirmed nor dead-lettered. */
    public synchronized long unconfirmed() {
        return stats().unconfirmed();
    }
}

package io.scangate.simulator.replay;

import io.scangate.simulator.lane.Emission;
import io.scangate.simulator.lane.LaneSource;
import io.scangate.simulator.lane.OccupancyPlan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a {@link DailyFile} at its recorded pace (the lane divides it by the acceleration). Its ground truth is
 * the occupancies seen in the file: an occupancy opens with the first GS/GA/NS/NA/SP line outside one and closes
 * with its GX, or without GX at the next background line (GB/NB/GH/GL/NH) or at the end of the file.
 */
public final class ReplaySource implements LaneSource {

    private static final Set<String> OCCUPIED_TAGS = Set.of("GS", "GA", "NS", "NA", "SP");
    private static final Set<String> EMPTY_LANE_TAGS = Set.of("GB", "NB", "GH", "GL", "NH");
    /** Pause between the end of the file and its start again when looping. */
    private static final long LOOP_GAP_MILLIS = 1000;

    private record Step(Emission.Kind kind, DailyFile.Line line, int occupancy) {
    }

    private record Occupancy(Integer counter, long startMillis, long endMillis) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<Occupancy> occupancies = new ArrayList<>();
    private final int lineCount;
    private final boolean loop;
    private final long loopLengthMillis;
    private int position;
    private long round;
    private long linesSent;
    private long lastSentAtMillis;
    private OccupancyPlan current;

    public ReplaySource(DailyFile file, boolean loop) {
        List<DailyFile.Line> lines = file.lines();
        this.lineCount = lines.size();
        this.loop = loop && !lines.isEmpty();
        this.loopLengthMillis = lines.isEmpty() ? 0
                : lines.get(lines.size() - 1).atMillis() - lines.get(0).atMillis() + LOOP_GAP_MILLIS;
        segment(lines);
    }

    /** Occupancies in one pass of the file. */
    public int occupanciesPerPass() {
        return occupancies.size();
    }

    /** Device lines in one pass of the file. */
    public int linesPerPass() {
        return lineCount;
    }

    @Override
    public Emission next(long dueByMillis) {
        if (position == steps.size()) {
            if (!loop) {
                return null;
            }
            position = 0;
            round++;
        }
        Step step = steps.get(position);
        long at = step.line().atMillis() - steps.get(0).line().atMillis() + round * loopLengthMillis;
        if (at > dueByMillis) {
            return null;
        }
        position++;
        return emission(step, at);
    }

    @Override
    public void clientConnected(long nowMillis) {
        // a replay sends only what the file holds: its own set-up lines, if recorded
    }

    @Override
    public void abandon(OccupancyPlan occupancy) {
        // the file goes on with its next line; the interrupted occupancy is already in the ground truth
        current = null;
    }

    @Override
    public boolean exhausted() {
        return !loop && position == steps.size();
    }

    @Override
    public Optional<String> progress() {
        long day = lastSentAtMillis / 1000;
        return Optional.of(String.format("lines %d/%d round %d at %02d:%02d:%02d", linesSent,
                (long) lineCount * (round + 1), round + 1, day / 3600 % 24, day / 60 % 60, day % 60));
    }

    private Emission emission(Step step, long at) {
        switch (step.kind()) {
            case OCCUPANCY_START -> {
                Occupancy o = occupancies.get(step.occupancy());
                long shift = round * loopLengthMillis;
                current = new OccupancyPlan(round * occupancies.size() + step.occupancy() + 1L, o.counter(),
                        o.startMillis() + shift, o.endMillis() + shift, List.of());
                return Emission.marker(at, Emission.Kind.OCCUPANCY_START, current);
            }
            case OCCUPANCY_END -> {
                OccupancyPlan ended = current;
                current = null;
                return Emission.marker(at, Emission.Kind.OCCUPANCY_END, ended);
            }
            default -> {
                linesSent++;
                lastSentAtMillis = step.line().atMillis() + round * loopLengthMillis;
                byte[] bytes = (step.line().text() + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                return Emission.line(at, bytes, step.line().tag(), current);
            }
        }
    }

    private void segment(List<DailyFile.Line> lines) {
        int openIndex = -1;
        DailyFile.Line openFirst = null;
        DailyFile.Line previous = null;
        for (DailyFile.Line line : lines) {
            String tag = line.tag();
            if (openIndex >= 0 && EMPTY_LANE_TAGS.contains(tag)) {
                closeOccupancy(openIndex, openFirst, previous, null);
                openIndex = -1;
            }
            if (openIndex < 0 && (OCCUPIED_TAGS.contains(tag) || tag.equals("GX"))) {
                openIndex = occupancies.size();
                openFirst = line;
                occupancies.add(null);
                steps.add(new Step(Emission.Kind.OCCUPANCY_START, line, openIndex));
            }
            steps.add(new Step(Emission.Kind.LINE, line, openIndex));
            if (openIndex >= 0 && tag.equals("GX")) {
                closeOccupancy(openIndex, openFirst, line, gxCounter(line));
                openIndex = -1;
            }
            previous = line;
        }
        if (openIndex >= 0) {
            closeOccupancy(openIndex, openFirst, previous, null);
        }
    }

    private void closeOccupancy(int index, DailyFile.Line first, DailyFile.Line last, Integer counter) {
        occupancies.set(index, new Occupancy(counter, first.atMillis(), last.atMillis()));
        steps.add(new Step(Emission.Kind.OCCUPANCY_END, last, index));
    }

    private static Integer gxCounter(DailyFile.Line gx) {
        String[] fields = gx.text().split(",");
        try {
            return fields.length > 1 ? Integer.valueOf(fields[1].trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

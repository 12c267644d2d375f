package io.scangate.gateway.correlate;

import io.scangate.proto.v1.Inspection;
import io.scangate.proto.v1.JoinMethod;
import io.scangate.proto.v1.MissingReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The correlation window of one lane: a pure state machine, time passed in, so that it is tested without clocks.
 *
 * <p>A part joins the vehicle whose expected time for it fits best: the expected time is the time of the
 * vehicle's nearest part in passage order plus the configured {@code after} offsets between them, within the sum
 * of their tolerances; among several vehicles that fit, the closest wins and, on a tie, the one that passed
 * first. A part that fits no vehicle opens one (it is the anchor). A vehicle is published when every expected
 * part is in (after {@code settle}, for further images of the same X-ray study), or at its deadline with what is
 * missing stated. Published vehicles stay matchable for {@code amendFor}: a part that fits one afterwards is
 * published as an amendment of it (same inspection id, next revision), never as a new vehicle.
 */
final class LaneWindow {

    /** Where a published revision goes; returns the envelope event id it got. */
    interface Emitter {
        String emit(LaneSettings lane, Inspection inspection);
    }

    private static final double MIN_CONFIDENCE = 0.05;

    private final LaneSettings lane;
    private final String site;
    private final Emitter emitter;
    private final List<LaneVehicle> open = new ArrayList<>();
    private final Deque<LaneVehicle> recent = new ArrayDeque<>();
    private long evicted;
    private long forgotten;
    private long publications;

    LaneWindow(LaneSettings lane, String site, Emitter emitter) {
        this.lane = lane;
        this.site = site;
        this.emitter = emitter;
    }

    LaneSettings settings() {
        return lane;
    }

    /** Joins a journalled part; false when this lane does not expect parts of its kind from its device. */
    boolean accept(Part part, Instant now) {
        int k = lane.indexOf(part.kind());
        if (k < 0 || !lane.parts().get(k).from(part.envelope().getDevice().getDeviceId())) {
            return false;
        }
        LaneVehicle sameStudy = findStudy(part.studyUid());
        if (sameStudy != null) {
            join(sameStudy, part, JoinMethod.JOIN_METHOD_SAME_STUDY, 1.0, Duration.between(sameStudy.timeOf(part.kind()), part.time()), now);
            return true;
        }
        LaneVehicle best = null;
        double bestScore = Double.MAX_VALUE;
        double secondScore = Double.MAX_VALUE;
        Duration bestError = Duration.ZERO;
        for (LaneVehicle v : candidates()) {
            if (v.has(part.kind())) {
                continue;
            }
            Expectation e = expected(v, k);
            Duration error = Duration.between(e.time(), part.time());
            double score = Math.abs(error.toMillis()) / (double) Math.max(1, e.tolerance().toMillis());
            if (score > 1) {
                continue;
            }
            boolean better = score < bestScore || (score == bestScore && v.anchorTime().isBefore(best.anchorTime()));
            if (better) {
                secondScore = bestScore;
                bestScore = score;
                best = v;
                bestError = error;
            } else {
                secondScore = Math.min(secondScore, score);
            }
        }
        if (best == null) {
            anchor(part, now);
            return true;
        }
        boolean ambiguous = secondScore <= 1;
        double confidence = Math.max(MIN_CONFIDENCE, 1 - bestScore);
        if (ambiguous) {
            confidence *= Math.min(1, 0.5 + 0.5 * (secondScore - bestScore));
        }
        join(best, part, ambiguous ? JoinMethod.JOIN_METHOD_TIME_AND_ORDER : JoinMethod.JOIN_METHOD_TIME_WINDOW,
                Math.round(Math.max(MIN_CONFIDENCE, confidence) * 1000) / 1000.0, bestError, now);
        return true;
    }

    /**
     * Publishes what is due: settled vehicles, deadlines, pending amendments; forgets what can no longer be amended.
     * Returns whether anything changed.
     */
    boolean sweep(Instant now) {
        int before = open.size() + recent.size();
        long publishedBefore = publications;
        for (LaneVehicle v : List.copyOf(open)) {
            if (v.settleAt != null && !now.isBefore(v.settleAt)) {
                close(v, "all parts in", now);
            } else if (!now.isBefore(v.deadlineAt)) {
                v.closeReason = MissingReason.MISSING_REASON_TIMEOUT;
                close(v, "deadline", now);
            }
        }
        for (LaneVehicle v : recent) {
            if (v.settleAt != null && !now.isBefore(v.settleAt)) {
                publish(v, "late part", now);
            }
        }
        while (!recent.isEmpty() && (recent.size() > lane.maxRecent()
                || !now.isBefore(recent.peekFirst().publishedAt.plus(lane.amendFor())))) {
            forget(recent.pollFirst(), now);
        }
        return publications != publishedBefore || open.size() + recent.size() != before;
    }

    /** Closes every open vehicle now (orderly stop), stating why its missing parts are missing. */
    void closeAll(MissingReason reason, String closedBy, Instant now) {
        for (LaneVehicle v : List.copyOf(open)) {
            v.closeReason = reason;
            close(v, closedBy, now);
        }
        for (LaneVehicle v : recent) {
            if (v.settleAt != null) {
                publish(v, "late part", now);
            }
        }
    }

    int openCount() {
        return open.size();
    }

    List<LaneVehicle> openVehicles() {
        return List.copyOf(open);
    }

    List<LaneVehicle> recentVehicles() {
        return List.copyOf(recent);
    }

    /** Brings back state from before a restart: open vehicles are closed at once, stating the restart. */
    void restore(List<LaneVehicle> wasOpen, List<LaneVehicle> wasRecent, Instant now) {
        recent.addAll(wasRecent);
        for (LaneVehicle v : wasOpen) {
            v.closeReason = MissingReason.MISSING_REASON_GATEWAY_RESTARTED;
            open.add(v);
            close(v, "gateway restarted", now);
        }
    }

    long evicted() {
        return evicted;
    }

    long forgotten() {
        return forgotten;
    }

    private List<LaneVehicle> candidates() {
        List<LaneVehicle> all = new ArrayList<>(recent.size() + open.size());
        all.addAll(recent);
        all.addAll(open);
        return all;
    }

    private LaneVehicle findStudy(String studyUid) {
        if (studyUid.isEmpty()) {
            return null;
        }
        for (LaneVehicle v : candidates()) {
            if (v.hasStudy(studyUid)) {
                return v;
            }
        }
        return null;
    }

    private void anchor(Part part, Instant now) {
        if (open.size() >= lane.maxOpen()) {
            LaneVehicle oldest = open.get(0);
            oldest.closeReason = MissingReason.MISSING_REASON_EVICTED;
            evicted++;
            close(oldest, "evicted", now);
        }
        LaneVehicle v = new LaneVehicle(Inspection.newBuilder().setInspectionId(UUID.randomUUID().toString())
                .setSite(site).setLane(lane.lane()), now, now.plus(lane.deadline()));
        open.add(v);
        join(v, part, JoinMethod.JOIN_METHOD_ANCHOR, 1.0, Duration.ZERO, now);
    }

    private void join(LaneVehicle v, Part part, JoinMethod method, double confidence, Duration error, Instant now) {
        int revision = v.draft.getRevision() + 1;
        v.add(part, method, confidence, error, revision);
        boolean complete = lane.parts().stream().allMatch(p -> v.has(p.part()));
        if (v.published || complete) {
            v.settleAt = now.plus(lane.settle());
            if (lane.settle().isZero()) {
                if (v.published) {
                    publish(v, "late part", now);
                } else {
                    close(v, "all parts in", now);
                }
            }
        }
    }

    private void close(LaneVehicle v, String closedBy, Instant now) {
        open.remove(v);
        publish(v, closedBy, now);
        recent.addLast(v);
    }

    private void publish(LaneVehicle v, String closedBy, Instant now) {
        int revision = v.draft.getRevision() + 1;
        Inspection inspection = Inspections.build(v, lane, revision, closedBy);
        v.lastEventId = emitter.emit(lane, inspection);
        publications++;
        v.draft.setRevision(revision);
        v.published = true;
        v.publishedAt = now;
        v.settleAt = null;
    }

    private void forget(LaneVehicle v, Instant now) {
        if (v.settleAt != null) {
            publish(v, "late part", now);
        }
        forgotten++;
    }

    private Expectation expected(LaneVehicle v, int k) {
        List<ExpectedPart> parts = lane.parts();
        for (int d = 1; d < parts.size(); d++) {
            for (int j : new int[] {k - d, k + d}) {
                if (j < 0 || j >= parts.size() || !v.has(parts.get(j).part())) {
                    continue;
                }
                Duration offset = Duration.ZERO;
                Duration tolerance = Duration.ZERO;
                for (int i = Math.min(j, k) + 1; i <= Math.max(j, k); i++) {
                    offset = offset.plus(parts.get(i).after());
                    tolerance = tolerance.plus(parts.get(i).tolerance());
                }
                Instant base = v.timeOf(parts.get(j).part());
                return new Expectation(j < k ? base.plus(offset) : base.minus(offset), tolerance);
            }
        }
        return new Expectation(v.anchorTime(), parts.get(k).tolerance());
    }

    private record Expectation(Instant time, Duration tolerance) {
    }
}

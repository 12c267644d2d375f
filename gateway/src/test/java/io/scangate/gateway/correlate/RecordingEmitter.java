package io.scangate.gateway.correlate;

import io.scangate.proto.v1.Inspection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Keeps what a lane window publishes, giving each revision an event id as the journal sink would. */
final class RecordingEmitter implements LaneWindow.Emitter, Correlator.Sink {

    final List<Inspection> published = new ArrayList<>();
    final List<String> eventIds = new ArrayList<>();

    @Override
    public String emit(LaneSettings lane, Inspection inspection) {
        return emit(lane.lane(), inspection);
    }

    @Override
    public synchronized String emit(String lane, Inspection inspection) {
        String id = UUID.randomUUID().toString();
        published.add(inspection);
        eventIds.add(id);
        return id;
    }

    @Override
    public long pending() {
        return 0;
    }

    synchronized List<Inspection> snapshot() {
        return List.copyOf(published);
    }
}

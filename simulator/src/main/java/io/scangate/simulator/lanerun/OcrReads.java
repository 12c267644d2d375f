package io.scangate.simulator.lanerun;

import io.scangate.simulator.ocr.PortalRead;
import io.scangate.simulator.vehicle.PartEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The read an OCR portal sends for one part of the vehicle scenario: the codes as the scenario misread them. */
final class OcrReads {

    private static final String[] POSITIONS = {"FRONT", "REAR"};
    private static final double CONFIDENCE = 0.93;

    private OcrReads() {
    }

    /** A "no read" (nothing read) stays a read of nothing: the portal saw a vehicle. */
    static PortalRead portalRead(LaneRunSettings settings, PartEvent.OcrRead read, Instant time) {
        List<PortalRead.Container> containers = new ArrayList<>();
        for (int i = 0; i < read.containerCodes().size(); i++) {
            containers.add(new PortalRead.Container(read.containerCodes().get(i),
                    POSITIONS[Math.min(i, POSITIONS.length - 1)], CONFIDENCE));
        }
        PortalRead.Plate plate = read.plate().isEmpty() ? null
                : new PortalRead.Plate(read.plate(), CONFIDENCE, read.plateCountry());
        String readId = settings.lane() + "-" + settings.seed() + "-" + read.vehicle();
        List<PortalRead.Image> images = read.noRead() ? List.of()
                : List.of(new PortalRead.Image("overview", "http://ocr-portal.invalid/images/" + readId + "/overview.jpg"));
        return new PortalRead(readId, settings.lane(), time, containers, plate, images);
    }
}

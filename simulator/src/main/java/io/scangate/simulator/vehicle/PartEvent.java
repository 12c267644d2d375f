package io.scangate.simulator.vehicle;

import java.util.List;

/**
 * One thing a device of the lane reports about one vehicle: when it happened at the device ({@code atMillis})
 * and when the device delivers it ({@code deliverMillis}, later for slow transfers and late faults). Plain
 * values, so that a device simulator (OCR, VM-250, DICOS) can turn each into its own protocol.
 */
public sealed interface PartEvent permits PartEvent.OcrRead, PartEvent.RpmOccupancy, PartEvent.XrayImage {

    long vehicle();

    PartKind kind();

    long atMillis();

    long deliverMillis();

    /**
     * What the OCR portal reports: the codes as read (a wrong check digit stays wrong here) and the plate; both
     * empty for a missed read ("no read").
     */
    record OcrRead(long vehicle, long atMillis, long deliverMillis, List<String> containerCodes, String plate,
                   String plateCountry) implements PartEvent {
        public OcrRead {
            containerCodes = List.copyOf(containerCodes);
        }

        public PartKind kind() {
            return PartKind.OCR;
        }

        public boolean noRead() {
            return containerCodes.isEmpty() && plate.isEmpty();
        }
    }

    /** One occupancy of the radiation portal: starts at {@code atMillis}, reported when it ends. */
    record RpmOccupancy(long vehicle, long atMillis, long deliverMillis, long durationMillis, boolean gammaAlarm)
            implements PartEvent {
        public PartKind kind() {
            return PartKind.RPM;
        }
    }

    /** One image (view) of an X-ray study; a study of two views is two events with the same study UID. */
    record XrayImage(long vehicle, long atMillis, long deliverMillis, String studyUid, String view, boolean late)
            implements PartEvent {
        public PartKind kind() {
            return PartKind.XRAY;
        }
    }
}

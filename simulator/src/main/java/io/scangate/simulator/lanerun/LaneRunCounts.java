package io.scangate.simulator.lanerun;

import java.util.concurrent.atomic.AtomicLong;

/** What the lane's devices delivered: parts played and accepted, and parts that could not be delivered. */
public final class LaneRunCounts {

    /**
     * @param ocrStored      reads the gateway answered 200
     * @param ocrFailed      reads refused or not delivered
     * @param occupancies    occupancies started on the VM-250 lane
     * @param occupanciesLost occupancies played while no gateway was connected to the lane
     * @param imagesStored   X-ray images the gateway's C-STORE accepted
     * @param imagesFailed   images refused or not delivered
     */
    public record Snapshot(long ocrStored, long ocrFailed, long occupancies, long occupanciesLost, long imagesStored,
                           long imagesFailed) {

        public boolean allDelivered() {
            return ocrFailed == 0 && occupanciesLost == 0 && imagesFailed == 0;
        }

        @Override
        public String toString() {
            return "ocrStored=" + ocrStored + " ocrFailed=" + ocrFailed + " occupancies=" + occupancies
                    + " occupanciesLost=" + occupanciesLost + " imagesStored=" + imagesStored
                    + " imagesFailed=" + imagesFailed;
        }
    }

    private final AtomicLong ocrStored = new AtomicLong();
    private final AtomicLong ocrFailed = new AtomicLong();
    private final AtomicLong occupancies = new AtomicLong();
    private final AtomicLong occupanciesLost = new AtomicLong();
    private final AtomicLong imagesStored = new AtomicLong();
    private final AtomicLong imagesFailed = new AtomicLong();

    void ocr(boolean stored) {
        (stored ? ocrStored : ocrFailed).incrementAndGet();
    }

    void occupancy(boolean started) {
        (started ? occupancies : occupanciesLost).incrementAndGet();
    }

    void image(boolean stored) {
        (stored ? imagesStored : imagesFailed).incrementAndGet();
    }

    Snapshot snapshot() {
        return new Snapshot(ocrStored.get(), ocrFailed.get(), occupancies.get(), occupanciesLost.get(),
                imagesStored.get(), imagesFailed.get());
    }
}

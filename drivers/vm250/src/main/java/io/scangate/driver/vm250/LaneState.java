package io.scangate.driver.vm250;

import java.util.List;

/**
 * What the driver knows about the lane between occupancies: the backgrounds in force and the device's
 * NSigma. Lives in the driver, so it survives reconnects.
 */
final class LaneState {

    private List<Integer> gammaBackground;
    private List<Integer> neutronBackground;
    private Double deviceNSigma;
    private final Double configuredNSigma;

    LaneState(Double configuredNSigma) {
        this.configuredNSigma = configuredNSigma;
    }

    /** Last GB values (null entries where the device sent {@code ***}), or null before the first GB. */
    List<Integer> gammaBackground() {
        return gammaBackground;
    }

    void gammaBackground(List<Integer> counts) {
        this.gammaBackground = counts;
    }

    List<Integer> neutronBackground() {
        return neutronBackground;
    }

    void neutronBackground(List<Integer> counts) {
        this.neutronBackground = counts;
    }

    void deviceNSigma(double nSigma) {
        this.deviceNSigma = nSigma;
    }

    /** N of the threshold: the configured override, else the device's SG1 NSigma, else null. */
    Double nSigma() {
        return configuredNSigma != null ? configuredNSigma : deviceNSigma;
    }
}

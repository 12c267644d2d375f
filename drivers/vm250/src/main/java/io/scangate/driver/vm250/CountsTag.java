package io.scangate.driver.vm250;

import io.scangate.proto.v1.MeasurementKind;

/** VM-250 tags whose four fields are per-detector counts. */
public enum CountsTag {
    GB(Radiation.GAMMA, Role.BACKGROUND, MeasurementKind.MEASUREMENT_KIND_GAMMA_BACKGROUND),
    GH(Radiation.GAMMA, Role.FAULT, MeasurementKind.MEASUREMENT_KIND_GAMMA_HIGH_FAULT),
    GL(Radiation.GAMMA, Role.FAULT, MeasurementKind.MEASUREMENT_KIND_GAMMA_LOW_FAULT),
    GS(Radiation.GAMMA, Role.SCAN, MeasurementKind.MEASUREMENT_KIND_FOREGROUND),
    GA(Radiation.GAMMA, Role.ALARM, MeasurementKind.MEASUREMENT_KIND_FOREGROUND),
    NB(Radiation.NEUTRON, Role.BACKGROUND, MeasurementKind.MEASUREMENT_KIND_NEUTRON_BACKGROUND),
    NH(Radiation.NEUTRON, Role.FAULT, MeasurementKind.MEASUREMENT_KIND_NEUTRON_HIGH_FAULT),
    NS(Radiation.NEUTRON, Role.SCAN, MeasurementKind.MEASUREMENT_KIND_FOREGROUND),
    NA(Radiation.NEUTRON, Role.ALARM, MeasurementKind.MEASUREMENT_KIND_FOREGROUND);

    /** What was measured. */
    public enum Radiation { GAMMA, NEUTRON }

    /** What the line means for the lane: empty (background or fault reading) or occupied (scan, alarm). */
    public enum Role { BACKGROUND, FAULT, SCAN, ALARM }

    /** Every line looks its tag up here; {@code values()} would copy the array each time. */
    private static final CountsTag[] ALL = values();

    private final Radiation radiation;
    private final Role role;
    private final MeasurementKind measurementKind;

    CountsTag(Radiation radiation, Role role, MeasurementKind measurementKind) {
        this.radiation = radiation;
        this.role = role;
        this.measurementKind = measurementKind;
    }

    public Radiation radiation() {
        return radiation;
    }

    public Role role() {
        return role;
    }

    /** The lane is occupied while the device sends this tag. */
    public boolean occupied() {
        return role == Role.SCAN || role == Role.ALARM;
    }

    /** Measurement kind for lines sent while the lane is empty; FOREGROUND for occupancy lines. */
    public MeasurementKind measurementKind() {
        return measurementKind;
    }

    /** The tag for {@code text}, or null when it is not a counts tag. */
    public static CountsTag of(String text) {
        for (CountsTag tag : ALL) {
            if (tag.name().equals(text)) {
                return tag;
            }
        }
        return null;
    }
}

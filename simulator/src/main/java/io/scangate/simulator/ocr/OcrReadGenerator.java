package io.scangate.simulator.ocr;

import io.scangate.simulator.scenario.Draws;
import io.scangate.simulator.vehicle.Vehicle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a vehicle that passes the portal into the read the portal sends, with faults drawn from a seeded
 * generator: the same seed and vehicles give the same reads. A library for scenarios: a lane scenario calls
 * {@link #read} once per vehicle and keeps the returned ground truth.
 */
public final class OcrReadGenerator {

    static final String[] POSITIONS = {"FRONT", "REAR"};
    private static final String DIGITS_LIKE_LETTERS = "01852";
    private static final String LETTERS_LIKE_DIGITS = "OIBSZ";

    private final OcrFaults faults;
    private final Draws draws;
    private final String imageBase;
    private long reads;

    /** @param imageBase where the portal says it keeps its images, e.g. {@code https://ocr-gate3.example/images} */
    public OcrReadGenerator(OcrFaults faults, long seed, String imageBase) {
        this.faults = faults;
        this.draws = new Draws(seed);
        this.imageBase = imageBase;
    }

    public OcrReadGenerator(OcrFaults faults, long seed) {
        this(faults, seed, "http://ocr-portal.invalid/images");
    }

    public SimulatedRead read(Vehicle vehicle, String lane, Instant time) {
        String readId = lane + "-" + (++reads);
        List<Set<OcrFault>> containerFaults = new ArrayList<>();
        if (draws.chance(faults.missedVehicle())) {
            vehicle.containers().forEach(c -> containerFaults.add(EnumSet.of(OcrFault.MISSED_VEHICLE)));
            return new SimulatedRead(vehicle, Optional.empty(), containerFaults, EnumSet.of(OcrFault.MISSED_VEHICLE));
        }
        List<PortalRead.Container> containers = new ArrayList<>();
        for (int i = 0; i < vehicle.containers().size(); i++) {
            Set<OcrFault> happened = EnumSet.noneOf(OcrFault.class);
            String code = misread(vehicle.containers().get(i), happened);
            double confidence = confidence(happened);
            containerFaults.add(happened);
            if (code != null) {
                containers.add(new PortalRead.Container(code, POSITIONS[Math.min(i, POSITIONS.length - 1)], confidence));
            }
        }
        Set<OcrFault> plateFaults = EnumSet.noneOf(OcrFault.class);
        PortalRead.Plate plate = null;
        if (draws.chance(faults.noPlate())) {
            plateFaults.add(OcrFault.NO_PLATE);
        } else {
            plate = new PortalRead.Plate(vehicle.plate(), confidence(plateFaults), vehicle.plateCountry());
        }
        List<PortalRead.Image> images = new ArrayList<>();
        images.add(new PortalRead.Image("overview", imageBase + "/" + readId + "/overview.jpg"));
        if (plate != null) {
            images.add(new PortalRead.Image("plate", imageBase + "/" + readId + "/plate.jpg"));
        }
        return new SimulatedRead(vehicle, Optional.of(new PortalRead(readId, lane, time, containers, plate, images)),
                containerFaults, plateFaults);
    }

    /** The code as read, null when missed; records the fault it suffered. */
    private String misread(String code, Set<OcrFault> happened) {
        double draw = draws.uniform(0, 1);
        if (draw < faults.missedContainer()) {
            happened.add(OcrFault.MISSED_CONTAINER);
            return null;
        }
        draw -= faults.missedContainer();
        if (draw < faults.wrongCheckDigit()) {
            happened.add(OcrFault.WRONG_CHECK_DIGIT);
            int right = code.charAt(10) - '0';
            return code.substring(0, 10) + (char) ('0' + (right + draws.uniformInt(1, 9)) % 10);
        }
        draw -= faults.wrongCheckDigit();
        if (draw < faults.lookAlike()) {
            String confused = lookAlike(code);
            if (!confused.equals(code)) {
                happened.add(OcrFault.LOOK_ALIKE);
            }
            return confused;
        }
        return code;
    }

    /** One character that has a look-alike of the other class, swapped for it. */
    private String lookAlike(String code) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < code.length(); i++) {
            String from = i < 4 ? LETTERS_LIKE_DIGITS : DIGITS_LIKE_LETTERS;
            if (from.indexOf(code.charAt(i)) >= 0) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return code;
        }
        int at = candidates.get(draws.uniformInt(0, candidates.size() - 1));
        char c = code.charAt(at);
        char swapped = at < 4 ? DIGITS_LIKE_LETTERS.charAt(LETTERS_LIKE_DIGITS.indexOf(c))
                : LETTERS_LIKE_DIGITS.charAt(DIGITS_LIKE_LETTERS.indexOf(c));
        return code.substring(0, at) + swapped + code.substring(at + 1);
    }

    private double confidence(Set<OcrFault> happened) {
        boolean low = false;
        if (draws.chance(faults.lowConfidence())) {
            happened.add(OcrFault.LOW_CONFIDENCE);
            low = true;
        }
        double value = low ? draws.uniform(0.30, 0.60) : draws.uniform(0.85, 0.99);
        return Math.round(value * 100) / 100.0;
    }
}

package io.scangate.simulator.vehicle;

import io.scangate.simulator.scenario.Draws;
import java.util.ArrayList;
import java.util.List;

/**
 * Trucks at a port gate: a plate of one of a few countries and 0, 1 or 2 containers (a bobtail or an empty
 * chassis, one 40-foot box, two 20-foot boxes), every container number valid. Used by the OCR portal
 * simulator and the vehicle lane scenario alike.
 */
public final class VehicleGenerator {

    private static final String[] COUNTRIES = {"NL", "NL", "NL", "BE", "DE", "PL", "LT", "RO"};
    private static final String LETTERS = "BCDFGHJKLNPRSTVXZ";

    private final Draws draws;
    private final double[] containerShares;

    /** @param containerShares chance of 0, 1 and 2 containers; they must add up to 1 */
    public VehicleGenerator(long seed, double noContainer, double oneContainer, double twoContainers) {
        this(new Draws(seed), noContainer, oneContainer, twoContainers);
    }

    /** Draws from a generator a scenario shares, so that one seed replays the whole lane. */
    public VehicleGenerator(Draws draws, double noContainer, double oneContainer, double twoContainers) {
        if (Math.abs(noContainer + oneContainer + twoContainers - 1) > 1e-9) {
            throw new IllegalArgumentException("the shares of 0, 1 and 2 containers must add up to 1");
        }
        this.draws = draws;
        this.containerShares = new double[] {noContainer, oneContainer, twoContainers};
    }

    /** 15 % without a container, 45 % with one, 40 % with two. */
    public VehicleGenerator(long seed) {
        this(seed, 0.15, 0.45, 0.40);
    }

    public Vehicle next() {
        double draw = draws.uniform(0, 1);
        int count = draw < containerShares[0] ? 0 : draw < containerShares[0] + containerShares[1] ? 1 : 2;
        List<String> containers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            containers.add(Iso6346.random(draws));
        }
        return new Vehicle(plate(), COUNTRIES[draws.uniformInt(0, COUNTRIES.length - 1)], containers);
    }

    private String plate() {
        StringBuilder plate = new StringBuilder();
        plate.append(LETTERS.charAt(draws.uniformInt(0, LETTERS.length() - 1)))
                .append(LETTERS.charAt(draws.uniformInt(0, LETTERS.length() - 1)));
        for (int i = 0; i < 3; i++) {
            plate.append((char) ('0' + draws.uniformInt(0, 9)));
        }
        plate.append(LETTERS.charAt(draws.uniformInt(0, LETTERS.length() - 1)))
                .append(LETTERS.charAt(draws.uniformInt(0, LETTERS.length() - 1)));
        return plate.toString();
    }
}

package io.scangate.simulator.scenario;

import io.scangate.simulator.Fault;
import io.scangate.simulator.lane.Emission;
import io.scangate.simulator.lane.OccupancyPlan;
import io.scangate.simulator.vm250.Vm250Encoder;
import io.scangate.simulator.vm250.Vm250Record;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The lines of one occupancy (DESIGN 4.1): a pre-trigger burst of five GS lines at its start, then GS (GA in
 * gamma alarm) every 200 ms, NS (NA) every second, one or two SP lines, and GX at its end; then the faults.
 */
final class OccupancyBuilder {

    static final long GAMMA_INTERVAL_MILLIS = 200;
    static final int PRE_TRIGGER_LINES = 5;
    private static final int STEPS_PER_SECOND = 5;
    private static final double MAX_MPH = 99.0;
    private static final double MIN_MPH = 0.7;
    private static final List<String> UNKNOWN_TAGS =
            List.of("NC", "NX", "NB1", "RW", "AC", "AB1", "AR", "NZ", "AS", "AX", "AM", "FP", "TE", "NNB", "IJ");

    private final ScenarioSettings settings;
    private final FaultSettings faultSettings;
    private final Draws draws;
    private final double[] gammaBackgroundCps;

    OccupancyBuilder(ScenarioSettings settings, FaultSettings faultSettings, Draws draws, double[] gammaBackgroundCps) {
        this.settings = settings;
        this.faultSettings = faultSettings;
        this.draws = draws;
        this.gammaBackgroundCps = gammaBackgroundCps;
    }

    double drawDurationSeconds() {
        double seconds = draws.splitLognormal(settings.durationMedianSeconds(), settings.durationP10Seconds(),
                settings.durationP90Seconds());
        return Math.min(settings.durationMaxSeconds(), Math.max(settings.durationMinSeconds(), seconds));
    }

    /** Every emission of the occupancy, in time order, from its start marker to its end marker. */
    List<Emission> build(OccupancyPlan plan, boolean gammaAlarm, boolean neutronAlarm) {
        long start = plan.startMillis();
        int steps = (int) ((plan.endMillis() - start) / GAMMA_INTERVAL_MILLIS);
        double depression = draws.uniform(settings.depressionMin(), settings.depressionMax());
        int alarmCentre = (int) Math.round(steps * draws.uniform(0.3, 0.7));
        int alarmHalfWidth = draws.uniformInt(3, 7);
        double alarmStrength = draws.uniform(1.0, 3.0);
        int neutronLines = steps / STEPS_PER_SECOND;
        int firstNeutronAlarm = Math.max(1, (neutronLines + 2) / 3);
        int lastNeutronAlarm = Math.max(firstNeutronAlarm, 2 * neutronLines / 3);
        int speedStep = Math.max(1, Math.min(STEPS_PER_SECOND, steps / 2));
        int secondSpeedStep = draws.chance(settings.secondSpeedLineProbability())
                ? Math.max(speedStep + 1, steps * 3 / 5) : -1;
        double mph = Math.min(MAX_MPH,
                Math.max(MIN_MPH, draws.lognormal(settings.speedMedianMph(), settings.speedP90Mph())));

        List<Emission> out = new ArrayList<>();
        out.add(Emission.marker(start, Emission.Kind.OCCUPANCY_START, plan));
        for (int i = 0; i < PRE_TRIGGER_LINES; i++) {
            out.add(line(start, gamma("GS", 0, 0), plan));
        }
        for (int step = 1; step <= steps; step++) {
            long at = start + step * GAMMA_INTERVAL_MILLIS;
            boolean inAlarm = gammaAlarm && Math.abs(step - alarmCentre) <= alarmHalfWidth;
            out.add(line(at, inAlarm ? gamma("GA", depression, alarmStrength) : gamma("GS", depression, 0), plan));
            if (step % STEPS_PER_SECOND == 0) {
                int second = step / STEPS_PER_SECOND;
                boolean neutronInAlarm = neutronAlarm && second >= firstNeutronAlarm && second <= lastNeutronAlarm;
                out.add(line(at, neutron(neutronInAlarm), plan));
            }
            if (step == speedStep || step == secondSpeedStep) {
                double jitter = step == speedStep ? 1 : draws.uniform(0.9, 1.1);
                out.add(line(at, Vm250Record.Speed.ofMph(Math.min(MAX_MPH, mph * jitter)), plan));
            }
        }
        out.add(line(plan.endMillis(), new Vm250Record.OccupancyEnd(plan.deviceCounter(),
                (int) Math.round(settings.neutronBackgroundCps() * 1000), 0, 0), plan));
        applyFaults(out, plan, Set.copyOf(plan.faults()));
        out.add(Emission.marker(plan.endMillis(), Emission.Kind.OCCUPANCY_END, plan));
        return out;
    }

    private Vm250Record gamma(String tag, double depression, double alarmStrength) {
        Integer[] counts = new Integer[4];
        for (int d = 0; d < 4; d++) {
            double perInterval = gammaBackgroundCps[d] / STEPS_PER_SECOND;
            counts[d] = draws.poisson(perInterval * (1 - depression + alarmStrength));
        }
        return new Vm250Record.Counts(tag, Arrays.asList(counts));
    }

    private Vm250Record neutron(boolean alarm) {
        Integer[] counts = new Integer[4];
        for (int d = 0; d < 4; d++) {
            counts[d] = draws.poisson(alarm ? draws.uniform(6, 15) : settings.neutronBackgroundCps() / 4);
        }
        return new Vm250Record.Counts(alarm ? "NA" : "NS", Arrays.asList(counts));
    }

    private void applyFaults(List<Emission> out, OccupancyPlan plan, Set<Fault> faults) {
        int lineCount = out.size() - 1;
        if (faults.contains(Fault.MISSING_GX)) {
            out.remove(out.size() - 1);
            lineCount--;
        }
        if (faults.contains(Fault.MISSING_VALUE)) {
            int index = draws.uniformInt(1 + PRE_TRIGGER_LINES, lineCount - 1);
            while (!"GS".equals(out.get(index).tag()) && !"GA".equals(out.get(index).tag())) {
                index--;
            }
            out.set(index, withMissingValue(out.get(index)));
        }
        if (faults.contains(Fault.TAMPER)) {
            insertAfter(out, lineCount * 2 / 3, new Vm250Record.Tamper("TC"), plan);
            insertAfter(out, lineCount / 3, new Vm250Record.Tamper("TT"), plan);
        }
        if (faults.contains(Fault.UNKNOWN_TAG)) {
            String tag = UNKNOWN_TAGS.get(draws.uniformInt(0, UNKNOWN_TAGS.size() - 1));
            insertAfter(out, middleIndex(out), new Vm250Record.Raw(tag + "," + draws.uniformInt(0, 999_999)), plan);
        }
        if (faults.contains(Fault.GARBAGE)) {
            insertBytesAfter(out, middleIndex(out), garbage());
        }
        if (faults.contains(Fault.OVERSIZE_FRAME)) {
            insertBytesAfter(out, middleIndex(out), oversize());
        }
        if (faults.contains(Fault.SLOW_DEVICE)) {
            int first = middleIndex(out);
            for (int i = first; i < Math.min(out.size(), first + faultSettings.slowLines()); i++) {
                out.set(i, out.get(i).withKind(Emission.Kind.SLOW_LINE));
            }
        }
        if (faults.contains(Fault.DROP_MID_LINE)) {
            int index = middleIndex(out);
            Emission cut = out.get(index);
            byte[] half = Arrays.copyOf(cut.bytes(), Math.max(1, cut.bytes().length / 2));
            out.subList(index, out.size()).clear();
            out.add(new Emission(cut.atMillis(), Emission.Kind.DROP, half, null, plan));
        }
    }

    private int middleIndex(List<Emission> out) {
        return draws.uniformInt(out.size() / 4 + 1, Math.max(out.size() / 4 + 1, out.size() * 3 / 4));
    }

    private static Emission line(long at, Vm250Record record, OccupancyPlan plan) {
        return Emission.line(at, Vm250Encoder.encode(record), record.tag(), plan);
    }

    private Emission withMissingValue(Emission gammaLine) {
        String text = new String(gammaLine.bytes(), StandardCharsets.US_ASCII).trim();
        String[] fields = text.split(",");
        List<Integer> counts = new ArrayList<>();
        for (int i = 1; i < fields.length; i++) {
            counts.add(Integer.parseInt(fields[i]));
        }
        counts.set(draws.uniformInt(0, 3), null);
        return line(gammaLine.atMillis(), new Vm250Record.Counts(fields[0], counts), gammaLine.occupancy());
    }

    private static void insertAfter(List<Emission> out, int index, Vm250Record record, OccupancyPlan plan) {
        out.add(index + 1, line(out.get(index).atMillis(), record, plan));
    }

    private static void insertBytesAfter(List<Emission> out, int index, byte[] bytes) {
        Emission before = out.get(index);
        out.add(index + 1, Emission.line(before.atMillis(), bytes, null, before.occupancy()));
    }

    private byte[] garbage() {
        byte[] bytes = new byte[draws.uniformInt(8, 48) + 2];
        for (int i = 0; i < bytes.length - 2; i++) {
            bytes[i] = (byte) draws.uniformInt(0x80, 0xFF);
        }
        bytes[bytes.length - 2] = '\r';
        bytes[bytes.length - 1] = '\n';
        return bytes;
    }

    private byte[] oversize() {
        byte[] pattern = "GS,000080".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[faultSettings.oversizeBytes() + 2];
        for (int i = 0; i < bytes.length - 2; i++) {
            bytes[i] = pattern[i % pattern.length];
        }
        bytes[bytes.length - 2] = '\r';
        bytes[bytes.length - 1] = '\n';
        return bytes;
    }
}

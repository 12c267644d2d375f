package io.scangate.simulator.dicos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The scans a simulated container scanner produces, deterministically from the seed: Poisson arrivals at
 * the configured rate, one study per scan, one series per view, a HIGH and LOW energy image per view, and
 * for a share of scans a machine Threat Detection Report (ALARM with threat objects on the images, or CLEAR).
 */
public final class DicosScenario {

    /** One container passage: its images in sending order, and the report that follows them, if any. */
    public record Scan(int index, Instant time, List<SyntheticImage> images, ThreatReport report) {

        public List<String> sopClasses() {
            List<String> classes = new ArrayList<>();
            images.forEach(image -> {
                if (!classes.contains(image.spec().sopClassUid())) {
                    classes.add(image.spec().sopClassUid());
                }
            });
            if (report != null) {
                classes.add(DicomUids.DICOS_THREAT_DETECTION_REPORT);
            }
            return classes;
        }

        public long imageBytes() {
            return images.stream().mapToLong(image -> image.spec().pixelBytes()).sum();
        }
    }

    static final SyntheticImage.Device DEVICE =
            new SyntheticImage.Device("scangate simulator", "Container Portal X16", "SIM-0001", "sim-1.0");
    static final String ALGORITHM = "scangate-sim ATD 1.0";
    private static final String[][] CATEGORIES = {
            {"CONTRABAND", "Undeclared goods behind a false wall"},
            {"ANOMALY", "Density anomaly in cargo"},
            {"PI", "Prohibited item: weapon shape"},
            {"EXPLOSIVE", "Explosive material signature"}};

    private final DicosSettings settings;
    private final Random random;
    private Instant clock;
    private int index;

    public DicosScenario(DicosSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.clock = settings.start();
    }

    /** The next scan; its time advanced by an exponential gap at the configured rate (simulated time). */
    public Scan next() {
        long seed = settings.seed();
        int scan = index++;
        if (scan > 0) {
            double hours = -Math.log(1 - random.nextDouble()) / settings.scansPerHour();
            clock = clock.plus(Duration.ofMillis(Math.round(hours * 3_600_000)));
        }
        String study = DicomUids.derived(seed, "study", scan);
        String ooi = String.format("OOI-%06d", scan + 1);
        List<SyntheticImage> images = new ArrayList<>();
        int instance = 1;
        for (int v = 0; v < settings.views().size(); v++) {
            String series = DicomUids.derived(seed, "series-" + v, scan);
            List<SyntheticImage.Energy> energies = settings.dualEnergy()
                    ? List.of(SyntheticImage.Energy.HIGH, SyntheticImage.Energy.LOW) : List.of(SyntheticImage.Energy.HIGH);
            long pixels = random.nextLong();
            for (SyntheticImage.Energy energy : energies) {
                images.add(new SyntheticImage(new SyntheticImage.Spec(settings.imageSopClass(), settings.modality(),
                        DicomUids.derived(seed, "image-" + v + "-" + energy, scan), study, series, v + 1, instance++,
                        settings.views().get(v), energy, settings.rows(), settings.columns(), settings.bitsStored(),
                        settings.pixelSpacingMm(), clock, ooi, DEVICE, pixels)));
            }
        }
        ThreatReport report = random.nextDouble() < settings.tdrShare() ? report(scan, study, ooi, images) : null;
        return new Scan(scan, clock, List.copyOf(images), report);
    }

    private ThreatReport report(int scan, String study, String ooi, List<SyntheticImage> images) {
        boolean alarm = random.nextDouble() < settings.alarmShare();
        List<ThreatReport.ThreatObject> threats = new ArrayList<>();
        int count = alarm ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < count; i++) {
            SyntheticImage.Spec image = images.get(random.nextInt(images.size())).spec();
            String[] category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            float x0 = random.nextInt(Math.max(1, image.columns() * 3 / 4));
            float y0 = random.nextInt(Math.max(1, image.rows() * 3 / 4));
            float x1 = Math.min(image.columns() - 1, x0 + 20 + random.nextInt(Math.max(1, image.columns() / 8)));
            float y1 = Math.min(image.rows() - 1, y0 + 20 + random.nextInt(Math.max(1, image.rows() / 8)));
            float probability = Math.round((0.5f + 0.5f * random.nextFloat()) * 1000) / 1000f;
            threats.add(new ThreatReport.ThreatObject(i + 1, category[0], category[1], probability,
                    new float[] {x0, y0, x1, y0, x1, y1, x0, y1}, image.sopClassUid(), image.sopInstanceUid()));
        }
        Instant decided = clock.plusMillis(1_500 + random.nextInt(3_000));
        return new ThreatReport(new ThreatReport.Spec(DicomUids.derived(settings.seed(), "tdr", scan), study,
                DicomUids.derived(settings.seed(), "tdr-series", scan), 1, ThreatReport.Type.MACHINE, ALGORITHM,
                alarm ? ThreatReport.Decision.ALARM : ThreatReport.Decision.CLEAR, decided, ooi, DEVICE, threats));
    }
}

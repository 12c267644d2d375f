package io.scangate.simulator.dicos;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic container radiograph, one energy of one view: 16-bit pixels (bits stored as set) of a
 * container's walls and cargo blocks, attenuated as {@code I0 * exp(-mu * thickness)} with an energy-dependent
 * {@code mu} (the low energy attenuates more), plus detector noise. Everything derives from the seed, and
 * pixels are generated row by row while they are written: one row in heap, whatever the image size.
 */
public final class SyntheticImage implements DatasetSource {

    public enum Energy { HIGH, LOW }

    /** What identifies and describes the image; the pixels follow from {@code seed}. */
    public record Spec(String sopClassUid, String modality, String sopInstanceUid, String studyInstanceUid,
            String seriesInstanceUid, int seriesNumber, int instanceNumber, String view, Energy energy, int rows,
            int columns, int bitsStored, double pixelSpacingMm, Instant acquired, String objectOfInspectionId,
            Device device, long seed) {

        public long pixelBytes() {
            return 2L * rows * columns;
        }
    }

    /** The scanner as it describes itself in every instance. */
    public record Device(String manufacturer, String model, String serialNumber, String softwareVersion) {
    }

    private static final int MAX_THICKNESS = 4095;
    private static final int NOISE_MASK = 0x3F;
    private static final int NOISE_CENTRE = 32;

    private final Spec spec;

    public SyntheticImage(Spec spec) {
        if (spec.rows() < 1 || spec.rows() > 0xFFFF || spec.columns() < 1 || spec.columns() > 0xFFFF) {
            throw new IllegalArgumentException("rows and columns: 1-65535 (US), got " + spec.rows() + " x " + spec.columns());
        }
        if (spec.bitsStored() < 8 || spec.bitsStored() > 16) {
            throw new IllegalArgumentException("bits stored: 8-16 in 16-bit pixels, got " + spec.bitsStored());
        }
        this.spec = spec;
    }

    public Spec spec() {
        return spec;
    }

    @Override
    public void writeTo(OutputStream out, boolean explicitVr) throws IOException {
        Instant t = spec.acquired();
        int maxValue = (1 << spec.bitsStored()) - 1;
        String spacing = DicomText.decimal(spec.pixelSpacingMm()) + "\\" + DicomText.decimal(spec.pixelSpacingMm());
        DatasetWriter writer = new DatasetWriter(out, explicitVr);
        writer.text(Tags.IMAGE_TYPE, "CS", "ORIGINAL\\PRIMARY\\" + spec.energy().name())
                .uid(Tags.SOP_CLASS_UID, spec.sopClassUid())
                .uid(Tags.SOP_INSTANCE_UID, spec.sopInstanceUid())
                .text(Tags.STUDY_DATE, "DA", DicomText.date(t))
                .text(Tags.ACQUISITION_DATE, "DA", DicomText.date(t))
                .text(Tags.CONTENT_DATE, "DA", DicomText.date(t))
                .text(Tags.ACQUISITION_DATE_TIME, "DT", DicomText.dateTime(t))
                .text(Tags.STUDY_TIME, "TM", DicomText.time(t))
                .text(Tags.ACQUISITION_TIME, "TM", DicomText.time(t))
                .text(Tags.CONTENT_TIME, "TM", DicomText.time(t))
                .text(Tags.MODALITY, "CS", spec.modality());
        if ("DX".equals(spec.modality())) {
            writer.text(Tags.PRESENTATION_INTENT_TYPE, "CS", "FOR PRESENTATION");
        }
        writer.text(Tags.MANUFACTURER, "LO", spec.device().manufacturer())
                .text(Tags.TIMEZONE_OFFSET_FROM_UTC, "SH", DicomText.UTC_OFFSET)
                .text(Tags.SERIES_DESCRIPTION, "LO", spec.view() + " " + spec.energy().name() + " ENERGY")
                .text(Tags.MANUFACTURER_MODEL_NAME, "LO", spec.device().model())
                .text(Tags.PATIENT_ID, "LO", spec.objectOfInspectionId())
                .text(Tags.DEVICE_SERIAL_NUMBER, "LO", spec.device().serialNumber())
                .text(Tags.SOFTWARE_VERSIONS, "LO", spec.device().softwareVersion())
                .text(Tags.IMAGER_PIXEL_SPACING, "DS", spacing)
                .text(Tags.VIEW_POSITION, "CS", spec.view())
                .uid(Tags.STUDY_INSTANCE_UID, spec.studyInstanceUid())
                .uid(Tags.SERIES_INSTANCE_UID, spec.seriesInstanceUid())
                .text(Tags.SERIES_NUMBER, "IS", Integer.toString(spec.seriesNumber()))
                .text(Tags.INSTANCE_NUMBER, "IS", Integer.toString(spec.instanceNumber()))
                .unsignedShort(Tags.SAMPLES_PER_PIXEL, 1)
                .text(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2")
                .unsignedShort(Tags.ROWS, spec.rows())
                .unsignedShort(Tags.COLUMNS, spec.columns())
                .text(Tags.PIXEL_SPACING, "DS", spacing)
                .unsignedShort(Tags.BITS_ALLOCATED, 16)
                .unsignedShort(Tags.BITS_STORED, spec.bitsStored())
                .unsignedShort(Tags.HIGH_BIT, spec.bitsStored() - 1)
                .unsignedShort(Tags.PIXEL_REPRESENTATION, 0)
                .text(Tags.WINDOW_CENTER, "DS", Integer.toString((maxValue + 1) / 2))
                .text(Tags.WINDOW_WIDTH, "DS", Integer.toString(maxValue + 1))
                .pixelDataHeader(spec.pixelBytes());
        writePixels(out, maxValue);
    }

    private void writePixels(OutputStream out, int maxValue) throws IOException {
        int columns = spec.columns();
        int[] transmitted = attenuationTable(maxValue);
        List<int[]> blocks = cargo(new SplittableRandom(spec.seed()));
        SplittableRandom noise = new SplittableRandom(spec.seed() ^ 0x9E3779B97F4A7C15L);
        int[] thickness = new int[columns];
        byte[] row = new byte[columns * 2];
        int wallTop = spec.rows() / 10;
        int wallBottom = spec.rows() - spec.rows() / 20;
        int wallLeft = columns / 20;
        int wallRight = columns - columns / 20;
        for (int y = 0; y < spec.rows(); y++) {
            boolean insideHeight = y >= wallTop && y < wallBottom;
            int wall = y == wallTop || y == wallBottom - 1 ? 400 : insideHeight ? 60 : 0;
            for (int x = 0; x < columns; x++) {
                thickness[x] = insideHeight && x >= wallLeft && x < wallRight ? wall : 0;
            }
            for (int[] block : blocks) {
                if (y >= block[2] && y < block[3]) {
                    for (int x = block[0]; x < block[1]; x++) {
                        thickness[x] += block[4];
                    }
                }
            }
            long bits = 0;
            for (int x = 0; x < columns; x++) {
                if ((x & 7) == 0) {
                    bits = noise.nextLong();
                }
                int value = transmitted[Math.min(thickness[x], MAX_THICKNESS)] + (int) (bits & NOISE_MASK) - NOISE_CENTRE;
                bits >>>= 8;
                value = Math.max(0, Math.min(maxValue, value));
                row[2 * x] = (byte) value;
                row[2 * x + 1] = (byte) (value >>> 8);
            }
            out.write(row);
        }
    }

    /** Transmitted intensity per thickness unit: a table, so that no pixel costs an exp(). */
    private int[] attenuationTable(int maxValue) {
        double mu = spec.energy() == Energy.HIGH ? 0.0011 : 0.0019;
        int[] table = new int[MAX_THICKNESS + 1];
        for (int t = 0; t <= MAX_THICKNESS; t++) {
            table[t] = (int) Math.round(0.92 * maxValue * Math.exp(-mu * t));
        }
        return table;
    }

    /** Cargo blocks inside the container: {x0, x1, y0, y1, thickness}. */
    private List<int[]> cargo(SplittableRandom random) {
        int columns = spec.columns();
        int rows = spec.rows();
        List<int[]> blocks = new ArrayList<>();
        int count = 4 + random.nextInt(16);
        for (int i = 0; i < count; i++) {
            int x0 = columns / 20 + random.nextInt(Math.max(1, columns * 8 / 10));
            int x1 = Math.min(columns - columns / 20, x0 + 1 + random.nextInt(Math.max(1, columns / 6)));
            int y1 = rows - rows / 20;
            int y0 = Math.max(rows / 10, y1 - 1 - random.nextInt(Math.max(1, rows * 7 / 10)));
            blocks.add(new int[] {x0, Math.max(x0, x1), y0, y1, 100 + random.nextInt(1400)});
        }
        return blocks;
    }
}

package io.scangate.driver.aspect;

/**
 * The device side of the tests: header registers 0..7 and a monitor block from {@link #BASE}, set by
 * name and read as a register array. Written from DESIGN 4.2 (uint32 and float32 low word first).
 */
final class MonitorImage {

    static final int BASE = 100;
    static final int SIGNATURE = 0x4153;

    long elapsedMillis = 1_000_000;
    int inputs;
    int gammaStatus = 0x80;
    long gammaCount = 5_000_000;
    float gammaBackground = 1650.5f;
    float gammaVariance = 1702.25f;
    int neutronStatus = 0x80;
    long neutronCount = 20_000;
    float neutronBackground = 2.5f;
    float neutronVariance = 2.75f;
    int objectCount = 41;
    int objectMark;
    int speed;
    int outputs;

    /** Device time passes: counters grow at the given rates (counts per second). */
    MonitorImage run(long millis, double gammaCps, double neutronCps) {
        elapsedMillis = (elapsedMillis + millis) & 0xFFFF_FFFFL;
        gammaCount = (gammaCount + Math.round(gammaCps * millis / 1000.0)) & 0xFFFF_FFFFL;
        neutronCount = (neutronCount + Math.round(neutronCps * millis / 1000.0)) & 0xFFFF_FFFFL;
        return this;
    }

    int[] registers() {
        int[] image = new int[BASE + MonitorBlock.REGISTERS];
        image[0] = SIGNATURE;
        image[1] = HeaderBlock.REGISTERS;
        image[2] = 1;
        image[3] = BASE;
        image[4] = MonitorBlock.REGISTERS;
        int[] block = monitorBlock();
        System.arraycopy(block, 0, image, BASE, block.length);
        return image;
    }

    int[] monitorBlock() {
        int[] r = new int[MonitorBlock.REGISTERS];
        lowFirst(r, 0, (int) elapsedMillis);
        r[2] = inputs;
        channel(r, 3, gammaStatus, gammaCount, gammaBackground, gammaVariance);
        channel(r, 10, neutronStatus, neutronCount, neutronBackground, neutronVariance);
        r[17] = objectCount;
        r[18] = objectMark;
        r[19] = speed;
        r[20] = outputs;
        return r;
    }

    private static void channel(int[] r, int at, int status, long count, float background, float variance) {
        r[at] = status;
        lowFirst(r, at + 1, (int) count);
        lowFirst(r, at + 3, Float.floatToIntBits(background));
        lowFirst(r, at + 5, Float.floatToIntBits(variance));
    }

    private static void lowFirst(int[] r, int at, int bits) {
        r[at] = bits & 0xFFFF;
        r[at + 1] = (bits >>> 16) & 0xFFFF;
    }
}

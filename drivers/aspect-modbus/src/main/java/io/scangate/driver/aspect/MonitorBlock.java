package io.scangate.driver.aspect;

/**
 * The 21-register monitor block (DESIGN 4.2), decoded. Register offsets: 0-1 time elapsed, 2 input
 * signals, 3-9 gamma channel, 10-16 neutron channel, 17 object count, 18 object mark, 19 speed,
 * 20 output signals. A channel is status, count (2 registers), background (float32, 2), variance
 * (float32, 2).
 *
 * @param elapsedMillis device time in milliseconds, a free-running uint32 that wraps (about 49.7 days)
 * @param inputs input signal bits
 * @param objectCount the occupancy counter, uint16
 * @param objectMark the object mark (axle/wheel count)
 * @param speed raw speed register
 * @param outputs output signal bits
 */
record MonitorBlock(long elapsedMillis, int inputs, Channel gamma, Channel neutron, int objectCount,
        int objectMark, int speed, int outputs) {

    static final int REGISTERS = 21;

    static final int OCCUPIED = 0x000F;
    static final int DIR01 = 0x0040;
    static final int DIR10 = 0x0080;
    static final int POWER_FAIL = 0x0100;
    static final int LOW_BATTERY = 0x0200;
    static final int OPEN = 0x0400;
    static final int ERROR = 0x0800;
    static final int RESET = 0x8000;
    static final int OUTPUT_ALARM = 0x0001;

    /**
     * One detector channel.
     *
     * @param count free-running uint32 count since the device started; wraps
     * @param background the device's background estimate, counts per second
     * @param variance the device's variance estimate of the background
     */
    record Channel(int status, long count, float background, float variance) {

        static final int ALARM1 = 0x01;
        static final int ALARM2 = 0x02;
        static final int LOW_COUNT = 0x10;
        static final int HIGH_COUNT = 0x20;
        static final int OVERLOAD = 0x40;
        static final int READY = 0x80;

        boolean alarm() {
            return (status & (ALARM1 | ALARM2)) != 0;
        }

        /** 2 for Alarm2, 1 for Alarm1 alone, 0 without alarm. */
        int alarmLevel() {
            return (status & ALARM2) != 0 ? 2 : (status & ALARM1) != 0 ? 1 : 0;
        }

        static Channel decode(int[] registers, int from, WordOrder order) {
            return new Channel(registers[from],
                    Integer.toUnsignedLong(order.bits(registers, from + 1)),
                    Float.intBitsToFloat(order.bits(registers, from + 3)),
                    Float.intBitsToFloat(order.bits(registers, from + 5)));
        }
    }

    boolean occupied() {
        return (inputs & OCCUPIED) != 0;
    }

    static MonitorBlock decode(int[] registers, WordOrder order) {
        if (registers.length < REGISTERS) {
            throw new IllegalArgumentException("monitor block needs " + REGISTERS + " registers, got "
                    + registers.length);
        }
        return new MonitorBlock(
                Integer.toUnsignedLong(order.bits(registers, 0)),
                registers[2],
                Channel.decode(registers, 3, order),
                Channel.decode(registers, 10, order),
                registers[17],
                registers[18],
                registers[19],
                registers[20]);
    }
}

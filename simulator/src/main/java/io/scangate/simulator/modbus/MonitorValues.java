package io.scangate.simulator.modbus;

/**
 * What an Aspect-style monitor shows in its 21-register monitor block at one moment (DESIGN 4.2), in
 * engineering terms; {@link AspectRegisterMap} turns it into registers.
 *
 * @param elapsedMillis device time since it started, milliseconds (uint32, wraps)
 * @param inputs input signal bits (Occup0..3 0x000F, Dir01 0x40, Dir10 0x80, PowerFail 0x100, LowBattery
 *     0x200, Open 0x400, Error 0x800, Reset 0x8000)
 * @param gamma the gamma channel
 * @param neutron the neutron channel
 * @param objectCount occupancy counter (uint16, wraps)
 * @param objectMark wheels counted for the current or last object
 * @param speed speed register, tenths of km/h
 * @param outputs output signal bits (Alarm 0x1, Video 0x2, EntryGreen 0x100, ExitGreen 0x200)
 */
public record MonitorValues(long elapsedMillis, int inputs, ChannelValues gamma, ChannelValues neutron,
        int objectCount, int objectMark, int speed, int outputs) {

    public static final int OCCUP0 = 0x0001;
    public static final int OCCUP1 = 0x0002;
    public static final int DIR01 = 0x0040;
    public static final int DIR10 = 0x0080;
    public static final int POWER_FAIL = 0x0100;
    public static final int LOW_BATTERY = 0x0200;
    public static final int OPEN = 0x0400;
    public static final int ERROR = 0x0800;
    public static final int RESET = 0x8000;
    public static final int OUT_ALARM = 0x0001;
    public static final int OUT_VIDEO = 0x0002;
    public static final int OUT_ENTRY_GREEN = 0x0100;
    public static final int OUT_EXIT_GREEN = 0x0200;

    /**
     * One detector channel.
     *
     * @param status Alarm1 0x1, Alarm2 0x2, LowCount 0x10, HighCount 0x20, Overload 0x40, Ready 0x80
     * @param count counts since the device started (uint32, wraps)
     * @param background background estimate, counts per second
     * @param variance variance of the background estimate
     */
    public record ChannelValues(int status, long count, float background, float variance) {

        public static final int ALARM1 = 0x01;
        public static final int ALARM2 = 0x02;
        public static final int LOW_COUNT = 0x10;
        public static final int HIGH_COUNT = 0x20;
        public static final int OVERLOAD = 0x40;
        public static final int READY = 0x80;
    }
}

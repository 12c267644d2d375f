package io.scangate.simulator.modbus;

/**
 * The register layout of an Aspect-style monitor (DESIGN 4.2), written from the spec independently of the
 * driver. Header registers 0..7: 0 signature, 1 header register count (8), 2 monitor block id, 3 monitor
 * block base address, 4 monitor block register count (21), 5..7 zero. Monitor block from {@link #BASE}:
 * 32-bit values low word first, floats as IEEE-754 single precision in the same word order.
 */
public final class AspectRegisterMap {

    public static final int SIGNATURE = 0x4153;
    public static final int HEADER_REGISTERS = 8;
    public static final int MONITOR_BLOCK_ID = 1;
    public static final int BASE = 100;
    public static final int MONITOR_REGISTERS = 21;
    /** Registers the device answers for: the header, the gap up to the block, the block. */
    public static final int SIZE = BASE + MONITOR_REGISTERS;

    private AspectRegisterMap() {
    }

    public static int[] header() {
        return new int[] {SIGNATURE, HEADER_REGISTERS, MONITOR_BLOCK_ID, BASE, MONITOR_REGISTERS, 0, 0, 0};
    }

    public static int[] monitorBlock(MonitorValues values) {
        int[] block = new int[MONITOR_REGISTERS];
        putLowWordFirst(block, 0, (int) values.elapsedMillis());
        block[2] = values.inputs() & 0xFFFF;
        putChannel(block, 3, values.gamma());
        putChannel(block, 10, values.neutron());
        block[17] = values.objectCount() & 0xFFFF;
        block[18] = values.objectMark() & 0xFFFF;
        block[19] = values.speed() & 0xFFFF;
        block[20] = values.outputs() & 0xFFFF;
        return block;
    }

    /** The whole map, addresses 0..{@link #SIZE}-1. */
    public static int[] all(MonitorValues values) {
        int[] all = new int[SIZE];
        System.arraycopy(header(), 0, all, 0, HEADER_REGISTERS);
        System.arraycopy(monitorBlock(values), 0, all, BASE, MONITOR_REGISTERS);
        return all;
    }

    /** The PDU of a Read Holding Registers answer: function 0x03, byte count, registers big-endian. */
    public static byte[] readResponsePdu(int[] registers) {
        byte[] pdu = new byte[2 + 2 * registers.length];
        pdu[0] = 0x03;
        pdu[1] = (byte) (2 * registers.length);
        for (int i = 0; i < registers.length; i++) {
            pdu[2 + 2 * i] = (byte) (registers[i] >>> 8);
            pdu[3 + 2 * i] = (byte) registers[i];
        }
        return pdu;
    }

    private static void putChannel(int[] block, int at, MonitorValues.ChannelValues channel) {
        block[at] = channel.status() & 0xFFFF;
        putLowWordFirst(block, at + 1, (int) channel.count());
        putLowWordFirst(block, at + 3, Float.floatToRawIntBits(channel.background()));
        putLowWordFirst(block, at + 5, Float.floatToRawIntBits(channel.variance()));
    }

    private static void putLowWordFirst(int[] block, int at, int value) {
        block[at] = value & 0xFFFF;
        block[at + 1] = value >>> 16;
    }
}

package io.scangate.driver.aspect;

import java.io.ByteArrayOutputStream;

/** Modbus TCP frames as a device sends them, built byte by byte for tests. */
final class Frames {

    private Frames() {
    }

    static byte[] registers(int transactionId, int unitId, int[] values) {
        byte[] pdu = new byte[2 + 2 * values.length];
        pdu[0] = 0x03;
        pdu[1] = (byte) (2 * values.length);
        for (int i = 0; i < values.length; i++) {
            pdu[2 + 2 * i] = (byte) (values[i] >> 8);
            pdu[3 + 2 * i] = (byte) values[i];
        }
        return frame(transactionId, unitId, pdu);
    }

    static byte[] exception(int transactionId, int unitId, int code) {
        return frame(transactionId, unitId, new byte[] {(byte) 0x83, (byte) code});
    }

    static byte[] frame(int transactionId, int unitId, byte[] pdu) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(transactionId >> 8);
        out.write(transactionId);
        out.write(0);
        out.write(0);
        out.write((pdu.length + 1) >> 8);
        out.write(pdu.length + 1);
        out.write(unitId);
        out.writeBytes(pdu);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A request as read from the wire. */
    record Request(int transactionId, int protocolId, int length, int unitId, int function, int address,
            int quantity) {

        static Request parse(byte[] bytes) {
            if (bytes.length != 12) {
                throw new AssertionError("a read request is 12 bytes, got " + bytes.length);
            }
            return new Request(u16(bytes, 0), u16(bytes, 2), u16(bytes, 4), bytes[6] & 0xFF, bytes[7] & 0xFF,
                    u16(bytes, 8), u16(bytes, 10));
        }

        private static int u16(byte[] bytes, int at) {
            return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
        }
    }
}

package io.scangate.driver.aspect;

/** What a device answered to one transaction. */
sealed interface ModbusResponse {

    int transactionId();

    int unitId();

    /** A function 0x03 answer: the register values, unsigned 16-bit. */
    record Registers(int transactionId, int unitId, int[] values) implements ModbusResponse {
    }

    /** An exception response: function code with bit 0x80 set and one exception code byte. */
    record Exception(int transactionId, int unitId, int function, int code) implements ModbusResponse {

        /** The exception code with its name from the Modbus application protocol, for logs. */
        String describe() {
            String name = switch (code) {
                case 0x01 -> "illegal function";
                case 0x02 -> "illegal data address";
                case 0x03 -> "illegal data value";
                case 0x04 -> "server device failure";
                case 0x05 -> "acknowledge";
                case 0x06 -> "server device busy";
                case 0x08 -> "memory parity error";
                case 0x0A -> "gateway path unavailable";
                case 0x0B -> "gateway target device failed to respond";
                default -> "unknown exception code";
            };
            return String.format("function 0x%02X exception 0x%02X (%s)", function, code, name);
        }
    }

    /** A well-framed answer whose PDU makes no sense; {@code reason} is a decode-error reason. */
    record Malformed(int transactionId, int unitId, String reason, String detail) implements ModbusResponse {
    }
}

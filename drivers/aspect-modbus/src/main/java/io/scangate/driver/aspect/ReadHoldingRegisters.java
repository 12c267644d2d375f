package io.scangate.driver.aspect;

/** A function 0x03 request: {@code quantity} holding registers from {@code address}. */
record ReadHoldingRegisters(int transactionId, int unitId, int address, int quantity) {

    static final int FUNCTION = 0x03;
    /** The most registers one 0x03 request may ask for (Modbus application protocol 1.1b3, 6.3). */
    static final int MAX_QUANTITY = 125;

    ReadHoldingRegisters {
        if (quantity < 1 || quantity > MAX_QUANTITY || address < 0 || address + quantity > 0x10000) {
            throw new IllegalArgumentException("cannot read " + quantity + " registers at " + address);
        }
    }

    @Override
    public String toString() {
        return "read " + quantity + " registers at " + address + " (unit " + unitId + ", transaction "
                + transactionId + ")";
    }
}

package io.scangate.driver.aspect;

/**
 * One Modbus TCP application data unit without its MBAP header: who it is for and the PDU bytes
 * (function code first).
 */
record MbapFrame(int transactionId, int unitId, byte[] pdu) {
}

package io.scangate.driver.dicos;

import io.netty.buffer.ByteBuf;

/**
 * One upper-layer PDU (PS3.8 9.3) as framed off the wire: its type and its variable field. The receiver
 * owns {@code body} and releases it.
 */
record Pdu(int type, ByteBuf body) {

    static final int ASSOCIATE_RQ = 0x01;
    static final int ASSOCIATE_AC = 0x02;
    static final int ASSOCIATE_RJ = 0x03;
    static final int P_DATA_TF = 0x04;
    static final int RELEASE_RQ = 0x05;
    static final int RELEASE_RP = 0x06;
    static final int ABORT = 0x07;

    /** Bytes before the variable field: type, reserved, 32-bit big-endian length. */
    static final int HEADER_BYTES = 6;

    static String name(int type) {
        return switch (type) {
            case ASSOCIATE_RQ -> "A-ASSOCIATE-RQ";
            case ASSOCIATE_AC -> "A-ASSOCIATE-AC";
            case ASSOCIATE_RJ -> "A-ASSOCIATE-RJ";
            case P_DATA_TF -> "P-DATA-TF";
            case RELEASE_RQ -> "A-RELEASE-RQ";
            case RELEASE_RP -> "A-RELEASE-RP";
            case ABORT -> "A-ABORT";
            default -> "unknown PDU type 0x" + Integer.toHexString(type);
        };
    }
}

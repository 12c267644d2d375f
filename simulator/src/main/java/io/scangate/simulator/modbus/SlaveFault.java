package io.scangate.simulator.modbus;

/** Misbehaviour on demand: each injected fault applies to the next request the slave receives. */
public enum SlaveFault {
    /** Half of the answer is written, then the connection is closed. */
    DROP_MID_FRAME,
    /** The answer's MBAP header carries protocol id 0x1234: a stream no client can resynchronise. */
    BAD_HEADER,
    /** No answer at all, as a device that missed the request: the client times out. */
    SILENT,
    /** Exception 0x06, server device busy. */
    BUSY
}

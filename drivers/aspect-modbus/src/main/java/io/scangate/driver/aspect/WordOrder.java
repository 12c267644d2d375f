package io.scangate.driver.aspect;

/**
 * How a 32-bit value (uint32 or IEEE-754 float32) is spread over two 16-bit registers. DESIGN 4.2 says
 * "low word first" for the uint32 counters; the same order is assumed for the floats (configurable,
 * since Modbus devices differ here and the spec does not say).
 */
public enum WordOrder {
    /** The first register holds bits 0-15, the second bits 16-31 (Aspect default). */
    LOW_WORD_FIRST,
    /** The first register holds bits 16-31 (the "big-endian" order of most PLCs). */
    HIGH_WORD_FIRST;

    /** The 32 bits of the two registers starting at {@code index}. */
    int bits(int[] registers, int index) {
        int first = registers[index] & 0xFFFF;
        int second = registers[index + 1] & 0xFFFF;
        return this == LOW_WORD_FIRST ? (second << 16) | first : (first << 16) | second;
    }
}

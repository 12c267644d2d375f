package io.scangate.driver.aspect;

/**
 * Holding registers 0..7 (DESIGN 4.2): 0 signature, 1 header register count, 2 monitor block id,
 * 3 monitor block base address, 4 monitor block register count; 5..7 reserved.
 */
record HeaderBlock(int signature, int headerRegisters, int monitorBlockId, int monitorBase, int monitorRegisters) {

    static final int ADDRESS = 0;
    static final int REGISTERS = 8;

    static HeaderBlock decode(int[] registers) {
        return new HeaderBlock(registers[0], registers[1], registers[2], registers[3], registers[4]);
    }

    /** Why this header cannot locate a monitor block, or null when it can. */
    String problem() {
        if (monitorRegisters < MonitorBlock.REGISTERS) {
            return "monitor block of " + monitorRegisters + " registers, expected at least " + MonitorBlock.REGISTERS;
        }
        if (monitorBase + MonitorBlock.REGISTERS > 0x10000) {
            return "monitor block base " + monitorBase + " leaves no room for " + MonitorBlock.REGISTERS
                    + " registers";
        }
        return null;
    }
}

package io.scangate.driver.dicos;

import io.netty.buffer.ByteBuf;

/**
 * One presentation data value (PS3.8 9.3.5.1, E.2): a fragment of a command set or of a dataset on an
 * accepted presentation context. The receiver owns {@code data} and releases it.
 */
record Pdv(PresentationContext context, boolean command, boolean last, ByteBuf data) {

    /** Message control header bits. */
    static final int COMMAND = 0x01;
    static final int LAST = 0x02;
}

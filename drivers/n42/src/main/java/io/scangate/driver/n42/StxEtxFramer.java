package io.scangate.driver.n42;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.scangate.driver.DeviceContext;
import java.util.List;

/**
 * Cuts the byte stream into documents framed STX (0x02) ... ETX (0x03) and passes each on as a
 * {@code byte[]} without its framing bytes. XML cannot contain either control byte, so neither needs
 * escaping. Nothing is dropped silently:
 * <ul>
 *   <li>a document over {@code maxDocumentBytes} is reported ({@code document_too_large}) and skipped up to
 *       its ETX;</li>
 *   <li>bytes outside STX ... ETX other than ASCII white space (which some devices put between documents)
 *       are reported ({@code garbage}), one report per run (from its first other byte up to the next STX);</li>
 *   <li>an STX inside a document, or the connection closing inside one, reports the cut document
 *       ({@code truncated_document}) and hands its bytes on as a {@link TruncatedDocument}.</li>
 * </ul>
 */
final class StxEtxFramer extends ByteToMessageDecoder {

    static final byte STX = 0x02;
    static final byte ETX = 0x03;
    static final String DOCUMENT_TOO_LARGE = "document_too_large";
    static final String GARBAGE = "garbage";
    static final String TRUNCATED_DOCUMENT = "truncated_document";
    private static final int EXCERPT_BYTES = 40;

    /** Bytes of a document cut short, kept so that they can travel on as a raw record. */
    record TruncatedDocument(byte[] bytes, String reason) {
    }

    private enum State { BETWEEN, INSIDE, DISCARDING }

    private final DeviceContext device;
    private final int maxDocumentBytes;
    private State state = State.BETWEEN;
    /** How far past the reader index the current document has been searched without finding STX or ETX. */
    private int searched;
    private int garbageBytes;
    private byte[] garbageHead;
    private long discardedBytes;

    StxEtxFramer(DeviceContext device, int maxDocumentBytes) {
        this.device = device;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            switch (state) {
                case BETWEEN -> between(in);
                case INSIDE -> {
                    if (!inside(in, out)) {
                        return;
                    }
                }
                case DISCARDING -> discarding(in);
            }
        }
    }

    private void between(ByteBuf in) {
        while (in.isReadable()) {
            byte b = in.readByte();
            if (b == STX) {
                reportGarbage();
                state = State.INSIDE;
                searched = 0;
                return;
            }
            if (garbageBytes > 0 || !isWhitespace(b)) {
                if (garbageHead == null) {
                    garbageHead = new byte[EXCERPT_BYTES];
                }
                if (garbageBytes < EXCERPT_BYTES) {
                    garbageHead[garbageBytes] = b;
                }
                garbageBytes++;
            }
        }
    }

    /** @return false when more bytes are needed */
    private boolean inside(ByteBuf in, List<Object> out) {
        int from = in.readerIndex() + searched;
        int delimiter = in.forEachByte(from, in.writerIndex() - from, b -> b != STX && b != ETX);
        if (delimiter < 0) {
            searched = in.readableBytes();
            if (searched > maxDocumentBytes) {
                reportTooLarge(in, searched);
                discardedBytes = searched;
                in.skipBytes(searched);
                state = State.DISCARDING;
            }
            return false;
        }
        int length = delimiter - in.readerIndex();
        device.frameReceived();
        if (length > maxDocumentBytes) {
            reportTooLarge(in, length);
            in.skipBytes(length);
        } else {
            byte[] document = new byte[length];
            in.readBytes(document);
            if (in.getByte(delimiter) == ETX) {
                out.add(document);
            } else {
                reportTruncated(document, "a new STX arrived before this document's ETX");
                out.add(new TruncatedDocument(document, "truncated document: STX before ETX"));
            }
        }
        searched = 0;
        if (in.readByte() == ETX) {
            state = State.BETWEEN;
        }
        return true;
    }

    private void discarding(ByteBuf in) {
        int etx = in.indexOf(in.readerIndex(), in.writerIndex(), ETX);
        if (etx < 0) {
            discardedBytes += in.readableBytes();
            in.skipBytes(in.readableBytes());
            return;
        }
        discardedBytes += etx - in.readerIndex();
        in.readerIndex(etx + 1);
        device.frameReceived();
        state = State.BETWEEN;
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        if (state == State.INSIDE) {
            byte[] partial = ByteBufUtil.getBytes(in);
            reportTruncated(partial, "the connection closed before its ETX");
            out.add(new TruncatedDocument(partial, "truncated document: connection closed before ETX"));
        } else if (state == State.DISCARDING) {
            device.decodeError(DOCUMENT_TOO_LARGE, "connection closed while skipping an over-long document after "
                    + discardedBytes + " bytes");
        }
        reportGarbage();
        in.skipBytes(in.readableBytes());
        state = State.BETWEEN;
        searched = 0;
    }

    private void reportGarbage() {
        if (garbageBytes == 0) {
            return;
        }
        device.decodeError(GARBAGE, garbageBytes + " bytes outside STX ... ETX skipped, starting '"
                + Printable.excerpt(garbageHead, Math.min(garbageBytes, EXCERPT_BYTES), EXCERPT_BYTES)
                + (garbageBytes > EXCERPT_BYTES ? "...'" : "'"));
        garbageBytes = 0;
    }

    private void reportTooLarge(ByteBuf in, int seenBytes) {
        byte[] head = ByteBufUtil.getBytes(in, in.readerIndex(), Math.min(seenBytes, EXCERPT_BYTES));
        device.decodeError(DOCUMENT_TOO_LARGE, "document over " + maxDocumentBytes + " bytes (at least "
                + seenBytes + " seen) skipped to its ETX, starts '" + Printable.excerpt(head, head.length,
                EXCERPT_BYTES) + "'");
    }

    private void reportTruncated(byte[] document, String why) {
        device.decodeError(TRUNCATED_DOCUMENT, document.length + " bytes of a document kept as a raw record: "
                + why + ", starts '" + Printable.excerpt(document, document.length, EXCERPT_BYTES) + "'");
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\r' || b == '\n' || b == '\t';
    }
}

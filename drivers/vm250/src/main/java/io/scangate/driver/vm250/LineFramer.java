package io.scangate.driver.vm250;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.scangate.driver.DeviceContext;
import java.util.List;

/**
 * Cuts the byte stream into lines ending LF or CR LF and passes each line on as a {@code byte[]} without
 * its line end. Bounded: a line longer than {@code maxLineLength} is skipped up to its next line end and
 * reported once ({@code line_too_long}); bytes left without a line end when the connection closes are
 * reported ({@code truncated_line}). Neither stops decoding.
 */
final class LineFramer extends ByteToMessageDecoder {

    static final String LINE_TOO_LONG = "line_too_long";
    static final String TRUNCATED_LINE = "truncated_line";
    private static final int EXCERPT_BYTES = 40;

    private final DeviceContext device;
    private final int maxLineLength;
    /** True while skipping the rest of an over-long line that has already been reported. */
    private boolean discarding;

    LineFramer(DeviceContext device, int maxLineLength) {
        this.device = device;
        this.maxLineLength = maxLineLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int lineFeed = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (discarding) {
                if (lineFeed < 0) {
                    in.skipBytes(in.readableBytes());
                    return;
                }
                in.readerIndex(lineFeed + 1);
                discarding = false;
                device.frameReceived();
                continue;
            }
            if (lineFeed < 0) {
                // A CR may still be waiting for its LF, so one byte over the limit is not yet too long.
                if (in.readableBytes() > maxLineLength + 1) {
                    startDiscarding(in);
                }
                return;
            }
            int length = lineFeed - in.readerIndex();
            if (length > 0 && in.getByte(lineFeed - 1) == '\r') {
                length--;
            }
            device.frameReceived();
            if (length > maxLineLength) {
                reportTooLong(in, length);
                in.readerIndex(lineFeed + 1);
                continue;
            }
            byte[] line = new byte[length];
            in.readBytes(line);
            in.readerIndex(lineFeed + 1);
            out.add(line);
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        if (discarding) {
            discarding = false;
        } else if (in.isReadable()) {
            device.decodeError(TRUNCATED_LINE, "connection closed after " + in.readableBytes()
                    + " bytes without a line end: '" + excerpt(in, in.readableBytes()) + "'");
        }
        in.skipBytes(in.readableBytes());
    }

    private void startDiscarding(ByteBuf in) {
        reportTooLong(in, in.readableBytes());
        discarding = true;
        in.skipBytes(in.readableBytes());
    }

    private void reportTooLong(ByteBuf in, int seenBytes) {
        device.decodeError(LINE_TOO_LONG, "line over " + maxLineLength + " bytes (at least " + seenBytes
                + " seen) skipped to its line end, starts '" + excerpt(in, seenBytes) + "'");
    }

    private static String excerpt(ByteBuf in, int length) {
        byte[] head = ByteBufUtil.getBytes(in, in.readerIndex(), Math.min(length, EXCERPT_BYTES + 1));
        return LineText.excerpt(head, EXCERPT_BYTES);
    }
}

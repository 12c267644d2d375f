package io.scangate.driver.dicos;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.scangate.driver.dicos.Negotiation.ContextResult;
import java.nio.charset.StandardCharsets;

/** Encodes the PDUs an SCP sends (PS3.8 9.3). */
final class Pdus {

    /** A-ABORT source (PS3.8 9.3.8). */
    static final int ABORT_SOURCE_USER = 0;
    static final int ABORT_SOURCE_PROVIDER = 2;
    /** A-ABORT reasons when the source is the service provider. */
    static final int ABORT_REASON_NOT_SPECIFIED = 0;
    static final int ABORT_REASON_UNRECOGNIZED_PDU = 1;
    static final int ABORT_REASON_UNEXPECTED_PDU = 2;
    static final int ABORT_REASON_INVALID_PARAMETER_VALUE = 6;

    private static final int PROTOCOL_VERSION = 1;
    private static final int AE_TITLE_BYTES = 16;

    private Pdus() {
    }

    static ByteBuf associateAccept(ByteBufAllocator alloc, AssociateRequest request, Negotiation.Accept accept,
            int maxPduBytes) {
        ByteBuf out = alloc.buffer(512);
        int lengthAt = header(out, Pdu.ASSOCIATE_AC);
        out.writeShort(PROTOCOL_VERSION);
        out.writeShort(0);
        aeTitle(out, request.calledAeTitle());
        aeTitle(out, request.callingAeTitle());
        out.writeZero(32);
        item(out, 0x10, Uids.APPLICATION_CONTEXT);
        for (ContextResult context : accept.contexts()) {
            byte[] syntax = ascii(context.transferSyntax());
            out.writeByte(0x21);
            out.writeByte(0);
            out.writeShort(4 + 4 + syntax.length);
            out.writeByte(context.id());
            out.writeByte(0);
            out.writeByte(context.result());
            out.writeByte(0);
            item(out, 0x40, context.transferSyntax());
        }
        byte[] implementationClass = ascii(Uids.IMPLEMENTATION_CLASS_UID);
        byte[] implementationVersion = ascii(Uids.IMPLEMENTATION_VERSION_NAME);
        out.writeByte(0x50);
        out.writeByte(0);
        out.writeShort(8 + 4 + implementationClass.length + 4 + implementationVersion.length);
        out.writeByte(0x51);
        out.writeByte(0);
        out.writeShort(4);
        out.writeInt(maxPduBytes);
        item(out, 0x52, Uids.IMPLEMENTATION_CLASS_UID);
        item(out, 0x55, Uids.IMPLEMENTATION_VERSION_NAME);
        return finish(out, lengthAt);
    }

    static ByteBuf associateReject(ByteBufAllocator alloc, Negotiation.Reject reject) {
        ByteBuf out = alloc.buffer(10);
        int lengthAt = header(out, Pdu.ASSOCIATE_RJ);
        out.writeByte(0);
        out.writeByte(reject.result());
        out.writeByte(reject.source());
        out.writeByte(reject.reason());
        return finish(out, lengthAt);
    }

    static ByteBuf releaseResponse(ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer(10);
        int lengthAt = header(out, Pdu.RELEASE_RP);
        out.writeInt(0);
        return finish(out, lengthAt);
    }

    static ByteBuf abort(ByteBufAllocator alloc, int source, int reason) {
        ByteBuf out = alloc.buffer(10);
        int lengthAt = header(out, Pdu.ABORT);
        out.writeShort(0);
        out.writeByte(source);
        out.writeByte(reason);
        return finish(out, lengthAt);
    }

    /** A P-DATA-TF holding one whole command set as a single, last PDV. */
    static ByteBuf command(ByteBufAllocator alloc, int contextId, ByteBuf commandSet) {
        ByteBuf out = alloc.buffer(Pdu.HEADER_BYTES + 6 + commandSet.readableBytes());
        int lengthAt = header(out, Pdu.P_DATA_TF);
        out.writeInt(2 + commandSet.readableBytes());
        out.writeByte(contextId);
        out.writeByte(Pdv.COMMAND | Pdv.LAST);
        out.writeBytes(commandSet);
        return finish(out, lengthAt);
    }

    private static int header(ByteBuf out, int type) {
        out.writeByte(type);
        out.writeByte(0);
        int lengthAt = out.writerIndex();
        out.writeInt(0);
        return lengthAt;
    }

    private static ByteBuf finish(ByteBuf out, int lengthAt) {
        out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
        return out;
    }

    private static void item(ByteBuf out, int type, String value) {
        byte[] bytes = ascii(value);
        out.writeByte(type);
        out.writeByte(0);
        out.writeShort(bytes.length);
        out.writeBytes(bytes);
    }

    private static void aeTitle(ByteBuf out, String title) {
        byte[] bytes = ascii(title);
        int length = Math.min(bytes.length, AE_TITLE_BYTES);
        out.writeBytes(bytes, 0, length);
        for (int i = length; i < AE_TITLE_BYTES; i++) {
            out.writeByte(' ');
        }
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}

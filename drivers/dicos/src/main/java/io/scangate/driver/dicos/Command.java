package io.scangate.driver.dicos;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * A DIMSE command set (PS3.7 E.1): group 0000 elements, always implicit VR little endian. Holds the fields
 * the SCP acts on; encodes responses.
 *
 * @param hasDataset false when Command Data Set Type is 0x0101 (no dataset follows)
 */
record Command(int commandField, int messageId, String affectedSopClassUid, String affectedSopInstanceUid,
        boolean hasDataset) {

    static final int C_STORE_RQ = 0x0001;
    static final int C_ECHO_RQ = 0x0030;
    static final int C_CANCEL_RQ = 0x0FFF;
    static final int RESPONSE_BIT = 0x8000;
    static final int NO_DATASET = 0x0101;

    private static final int GROUP_LENGTH = 0x0000;
    private static final int AFFECTED_SOP_CLASS_UID = 0x0002;
    private static final int COMMAND_FIELD = 0x0100;
    private static final int MESSAGE_ID = 0x0110;
    private static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x0120;
    private static final int COMMAND_DATA_SET_TYPE = 0x0800;
    private static final int STATUS = 0x0900;
    private static final int ERROR_COMMENT = 0x0902;
    private static final int AFFECTED_SOP_INSTANCE_UID = 0x1000;
    private static final int ERROR_COMMENT_MAX_CHARS = 64;

    /** Parses a complete command set without consuming {@code in}. */
    static Command parse(ByteBuf in) throws MalformedCommandException {
        ByteBuf buffer = in.duplicate();
        Integer commandField = null;
        int messageId = 0;
        Integer dataSetType = null;
        String sopClass = "";
        String sopInstance = "";
        while (buffer.isReadable()) {
            if (buffer.readableBytes() < 8) {
                throw new MalformedCommandException("command set ends inside an element header");
            }
            int group = buffer.readUnsignedShortLE();
            int element = buffer.readUnsignedShortLE();
            long length = buffer.readUnsignedIntLE();
            if (group != 0) {
                throw new MalformedCommandException(String.format("element (%04X,%04X) outside group 0000", group, element));
            }
            if (length > buffer.readableBytes()) {
                throw new MalformedCommandException(String.format("element (0000,%04X) of %d bytes with %d left",
                        element, length, buffer.readableBytes()));
            }
            ByteBuf value = buffer.readSlice((int) length);
            switch (element) {
                case COMMAND_FIELD -> commandField = unsignedShort(value, element);
                case MESSAGE_ID -> messageId = unsignedShort(value, element);
                case COMMAND_DATA_SET_TYPE -> dataSetType = unsignedShort(value, element);
                case AFFECTED_SOP_CLASS_UID -> sopClass = uid(value);
                case AFFECTED_SOP_INSTANCE_UID -> sopInstance = uid(value);
                default -> {
                    // Priority, move originator and the like change nothing for this SCP.
                }
            }
        }
        if (commandField == null || dataSetType == null) {
            throw new MalformedCommandException("command set lacks Command Field or Command Data Set Type");
        }
        return new Command(commandField, messageId, sopClass, sopInstance, dataSetType != NO_DATASET);
    }

    /** The response to this request, without an error comment. */
    ByteBuf response(ByteBufAllocator alloc, int status) {
        return response(alloc, status, null);
    }

    /** The response to this request; {@code errorComment} (cut to 64 characters) only on failures. */
    ByteBuf response(ByteBufAllocator alloc, int status, String errorComment) {
        ByteBuf out = alloc.buffer(256);
        out.writeIntLE(0);
        out.writeIntLE(4);
        int groupLengthAt = out.writerIndex();
        out.writeIntLE(0);
        if (!affectedSopClassUid.isEmpty()) {
            text(out, AFFECTED_SOP_CLASS_UID, affectedSopClassUid, (byte) 0);
        }
        unsignedShort(out, COMMAND_FIELD, commandField | RESPONSE_BIT);
        unsignedShort(out, MESSAGE_ID_BEING_RESPONDED_TO, messageId);
        unsignedShort(out, COMMAND_DATA_SET_TYPE, NO_DATASET);
        unsignedShort(out, STATUS, status);
        if (errorComment != null && status != Status.SUCCESS) {
            String comment = errorComment.length() > ERROR_COMMENT_MAX_CHARS
                    ? errorComment.substring(0, ERROR_COMMENT_MAX_CHARS) : errorComment;
            text(out, ERROR_COMMENT, comment.replace('\\', '/'), (byte) ' ');
        }
        if (!affectedSopInstanceUid.isEmpty()) {
            text(out, AFFECTED_SOP_INSTANCE_UID, affectedSopInstanceUid, (byte) 0);
        }
        out.setIntLE(groupLengthAt, out.writerIndex() - groupLengthAt - 4);
        return out;
    }

    private static void unsignedShort(ByteBuf out, int element, int value) {
        out.writeShortLE(0);
        out.writeShortLE(element);
        out.writeIntLE(2);
        out.writeShortLE(value);
    }

    private static void text(ByteBuf out, int element, String value, byte padding) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        int padded = bytes.length + (bytes.length & 1);
        out.writeShortLE(0);
        out.writeShortLE(element);
        out.writeIntLE(padded);
        out.writeBytes(bytes);
        if (padded > bytes.length) {
            out.writeByte(padding);
        }
    }

    private static int unsignedShort(ByteBuf value, int element) throws MalformedCommandException {
        if (value.readableBytes() != 2) {
            throw new MalformedCommandException(String.format("element (0000,%04X) is %d bytes, not 2",
                    element, value.readableBytes()));
        }
        return value.getUnsignedShortLE(value.readerIndex());
    }

    private static String uid(ByteBuf value) {
        String raw = value.toString(StandardCharsets.US_ASCII);
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == 0 || raw.charAt(end - 1) == ' ')) {
            end--;
        }
        return raw.substring(0, end);
    }
}

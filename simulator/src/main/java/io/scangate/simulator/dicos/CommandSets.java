package io.scangate.simulator.dicos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** DIMSE command sets (PS3.7 section 9.3 and annex E): group 0000, always implicit VR little endian. */
public final class CommandSets {

    static final int GROUP_LENGTH = 0x00000000;
    static final int AFFECTED_SOP_CLASS_UID = 0x00000002;
    static final int COMMAND_FIELD = 0x00000100;
    static final int MESSAGE_ID = 0x00000110;
    static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x00000120;
    static final int PRIORITY = 0x00000700;
    static final int COMMAND_DATA_SET_TYPE = 0x00000800;
    static final int STATUS = 0x00000900;
    static final int ERROR_COMMENT = 0x00000902;
    static final int AFFECTED_SOP_INSTANCE_UID = 0x00001000;

    static final int C_STORE_RQ = 0x0001;
    static final int C_STORE_RSP = 0x8001;
    static final int C_ECHO_RQ = 0x0030;
    static final int C_ECHO_RSP = 0x8030;
    private static final int NO_DATA_SET = 0x0101;
    private static final int DATA_SET_PRESENT = 0x0000;
    private static final int PRIORITY_MEDIUM = 0x0000;

    /** A response as read: which operation, for which request, with which status. */
    public record Response(int commandField, int respondingTo, int status, String errorComment) {
    }

    private CommandSets() {
    }

    public static byte[] storeRequest(int messageId, String sopClassUid, String sopInstanceUid) {
        try {
            ByteArrayOutputStream elements = new ByteArrayOutputStream();
            DatasetWriter writer = new DatasetWriter(elements, false);
            writer.uid(AFFECTED_SOP_CLASS_UID, sopClassUid)
                    .unsignedShort(COMMAND_FIELD, C_STORE_RQ)
                    .unsignedShort(MESSAGE_ID, messageId)
                    .unsignedShort(PRIORITY, PRIORITY_MEDIUM)
                    .unsignedShort(COMMAND_DATA_SET_TYPE, DATA_SET_PRESENT)
                    .uid(AFFECTED_SOP_INSTANCE_UID, sopInstanceUid);
            return withGroupLength(elements.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] echoRequest(int messageId) {
        try {
            ByteArrayOutputStream elements = new ByteArrayOutputStream();
            new DatasetWriter(elements, false).uid(AFFECTED_SOP_CLASS_UID, DicomUids.VERIFICATION)
                    .unsignedShort(COMMAND_FIELD, C_ECHO_RQ)
                    .unsignedShort(MESSAGE_ID, messageId)
                    .unsignedShort(COMMAND_DATA_SET_TYPE, NO_DATA_SET);
            return withGroupLength(elements.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a response command set; elements it does not know are skipped. */
    public static Response parseResponse(byte[] command) throws IOException {
        Map<Integer, byte[]> values = new HashMap<>();
        ByteBuffer in = ByteBuffer.wrap(command).order(ByteOrder.LITTLE_ENDIAN);
        while (in.remaining() >= 8) {
            int tag = (in.getShort() & 0xFFFF) << 16 | in.getShort() & 0xFFFF;
            long length = in.getInt() & 0xFFFFFFFFL;
            if (length > in.remaining()) {
                throw new IOException("command element " + Integer.toHexString(tag) + " of " + length
                        + " bytes runs past the command's " + command.length);
            }
            byte[] value = new byte[(int) length];
            in.get(value);
            values.put(tag, value);
        }
        if (!values.containsKey(COMMAND_FIELD) || !values.containsKey(STATUS)) {
            throw new IOException("response command set without Command Field or Status");
        }
        byte[] comment = values.get(ERROR_COMMENT);
        return new Response(unsignedShort(values.get(COMMAND_FIELD)),
                values.containsKey(MESSAGE_ID_BEING_RESPONDED_TO) ? unsignedShort(values.get(MESSAGE_ID_BEING_RESPONDED_TO)) : -1,
                unsignedShort(values.get(STATUS)),
                comment == null ? "" : new String(comment, StandardCharsets.ISO_8859_1).strip());
    }

    private static int unsignedShort(byte[] value) {
        return value.length < 2 ? 0 : (value[0] & 0xFF) | (value[1] & 0xFF) << 8;
    }

    private static byte[] withGroupLength(byte[] elements) {
        ByteBuffer out = ByteBuffer.allocate(12 + elements.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 0).putInt(4).putInt(elements.length).put(elements);
        return out.array();
    }
}

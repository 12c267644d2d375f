package io.scangate.simulator.dicos;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** DICOM upper layer PDUs (PS3.8 section 9.3) as the requesting side writes and reads them. */
public final class UpperLayer {

    public static final int A_ASSOCIATE_RQ = 0x01;
    public static final int A_ASSOCIATE_AC = 0x02;
    public static final int A_ASSOCIATE_RJ = 0x03;
    public static final int P_DATA_TF = 0x04;
    public static final int A_RELEASE_RQ = 0x05;
    public static final int A_RELEASE_RP = 0x06;
    public static final int A_ABORT = 0x07;

    /** A PDU as read: its type and its variable field (after the 6-byte header). */
    public record Pdu(int type, byte[] body) {
    }

    /** One presentation context offered: odd id, abstract syntax, transfer syntaxes in order of preference. */
    public record ProposedContext(int id, String abstractSyntax, List<String> transferSyntaxes) {
    }

    /** What the acceptor answered: per context id, the result (0 = acceptance) and transfer syntax. */
    public record Acceptance(Map<Integer, AcceptedContext> contexts, long peerMaxPduLength) {
    }

    public record AcceptedContext(int id, int result, String transferSyntax) {
    }

    private static final int PROTOCOL_VERSION = 1;
    /** A PDU larger than this is refused before it is allocated: a peer's lie must not exhaust the heap. */
    static final int MAX_RECEIVED_PDU = 1 << 20;

    private UpperLayer() {
    }

    public static byte[] associateRequest(String callingAe, String calledAe, List<ProposedContext> contexts,
            int maxPduLength) {
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        item(items, 0x10, ascii(DicomUids.APPLICATION_CONTEXT));
        for (ProposedContext context : contexts) {
            ByteArrayOutputStream sub = new ByteArrayOutputStream();
            sub.write(context.id());
            sub.write(0);
            sub.write(0);
            sub.write(0);
            item(sub, 0x30, ascii(context.abstractSyntax()));
            for (String syntax : context.transferSyntaxes()) {
                item(sub, 0x40, ascii(syntax));
            }
            item(items, 0x20, sub.toByteArray());
        }
        ByteArrayOutputStream user = new ByteArrayOutputStream();
        item(user, 0x51, ByteBuffer.allocate(4).putInt(maxPduLength).array());
        item(user, 0x52, ascii(DicomUids.IMPLEMENTATION_CLASS));
        item(user, 0x55, ascii(DicomUids.IMPLEMENTATION_VERSION));
        item(items, 0x50, user.toByteArray());

        ByteBuffer fixed = ByteBuffer.allocate(68);
        fixed.putShort((short) PROTOCOL_VERSION).putShort((short) 0);
        fixed.put(aeTitle(calledAe)).put(aeTitle(callingAe)).put(new byte[32]);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(fixed.array());
        body.writeBytes(items.toByteArray());
        return pdu(A_ASSOCIATE_RQ, body.toByteArray());
    }

    public static byte[] releaseRequest() {
        return pdu(A_RELEASE_RQ, new byte[4]);
    }

    /** A-ABORT from the service user (source 0, reason 0, PS3.8 9.3.8). */
    public static byte[] abort() {
        return pdu(A_ABORT, new byte[4]);
    }

    /** The 6-byte header of a P-DATA-TF holding one PDV whose data is {@code dataLength} bytes. */
    public static byte[] pDataHeader(int contextId, boolean command, boolean last, int dataLength) {
        ByteBuffer header = ByteBuffer.allocate(12);
        header.put((byte) P_DATA_TF).put((byte) 0).putInt(6 + dataLength);
        header.putInt(2 + dataLength).put((byte) contextId).put((byte) ((command ? 1 : 0) | (last ? 2 : 0)));
        return header.array();
    }

    public static Pdu read(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("connection closed by the peer");
        }
        in.readUnsignedByte();
        long length = in.readInt() & 0xFFFFFFFFL;
        if (length > MAX_RECEIVED_PDU) {
            throw new IOException("peer sent a PDU of type " + type + " and " + length + " bytes, more than the "
                    + MAX_RECEIVED_PDU + " this SCU reads");
        }
        byte[] body = new byte[(int) length];
        in.readFully(body);
        return new Pdu(type, body);
    }

    public static Acceptance parseAccept(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        in.position(68);
        Map<Integer, AcceptedContext> contexts = new HashMap<>();
        long maxPdu = 0;
        while (in.remaining() >= 4) {
            int type = in.get() & 0xFF;
            in.get();
            int length = in.getShort() & 0xFFFF;
            ByteBuffer value = in.slice(in.position(), length);
            in.position(in.position() + length);
            if (type == 0x21) {
                int id = value.get() & 0xFF;
                value.get();
                int result = value.get() & 0xFF;
                value.get();
                String syntax = "";
                while (value.remaining() >= 4) {
                    int subType = value.get() & 0xFF;
                    value.get();
                    int subLength = value.getShort() & 0xFFFF;
                    byte[] text = new byte[subLength];
                    value.get(text);
                    if (subType == 0x40) {
                        syntax = uid(text);
                    }
                }
                contexts.put(id, new AcceptedContext(id, result, syntax));
            } else if (type == 0x50) {
                while (value.remaining() >= 4) {
                    int subType = value.get() & 0xFF;
                    value.get();
                    int subLength = value.getShort() & 0xFFFF;
                    if (subType == 0x51 && subLength == 4) {
                        maxPdu = value.getInt() & 0xFFFFFFFFL;
                    } else {
                        value.position(value.position() + subLength);
                    }
                }
            }
        }
        return new Acceptance(Map.copyOf(contexts), maxPdu);
    }

    private static void item(ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type);
        out.write(0);
        out.write(value.length >>> 8);
        out.write(value.length);
        out.writeBytes(value);
    }

    private static byte[] pdu(int type, byte[] body) {
        return ByteBuffer.allocate(6 + body.length).put((byte) type).put((byte) 0).putInt(body.length).put(body).array();
    }

    private static byte[] aeTitle(String title) {
        byte[] field = "                ".getBytes(StandardCharsets.US_ASCII);
        byte[] text = title.getBytes(StandardCharsets.US_ASCII);
        if (text.length == 0 || text.length > 16) {
            throw new IllegalArgumentException("AE title '" + title + "': 1-16 characters (PS3.5 table 6.2-1)");
        }
        System.arraycopy(text, 0, field, 0, text.length);
        return field;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String uid(byte[] text) {
        int end = text.length;
        while (end > 0 && (text[end - 1] == 0 || text[end - 1] == ' ')) {
            end--;
        }
        return new String(text, 0, end, StandardCharsets.US_ASCII);
    }
}

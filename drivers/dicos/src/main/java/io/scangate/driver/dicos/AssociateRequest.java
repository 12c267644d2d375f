package io.scangate.driver.dicos;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What an A-ASSOCIATE-RQ (PS3.8 9.3.2) proposes. Only the items this SCP negotiates are kept; others
 * (SCP/SCU role selection, extended negotiation, user identity) are skipped, which the standard allows.
 *
 * @param maxPduBytes the requestor's maximum length received; 0 means unlimited
 */
record AssociateRequest(
        int protocolVersion,
        String calledAeTitle,
        String callingAeTitle,
        String applicationContext,
        List<ProposedContext> contexts,
        long maxPduBytes,
        String implementationClassUid,
        String implementationVersionName) {

    /** A presentation context item: its id, the abstract syntax and the transfer syntaxes offered. */
    record ProposedContext(int id, String abstractSyntax, List<String> transferSyntaxes) {
    }

    private static final int FIXED_FIELDS_BYTES = 68;
    private static final int APPLICATION_CONTEXT_ITEM = 0x10;
    private static final int PRESENTATION_CONTEXT_ITEM = 0x20;
    private static final int ABSTRACT_SYNTAX_ITEM = 0x30;
    private static final int TRANSFER_SYNTAX_ITEM = 0x40;
    private static final int USER_INFORMATION_ITEM = 0x50;
    private static final int MAXIMUM_LENGTH_ITEM = 0x51;
    private static final int IMPLEMENTATION_CLASS_UID_ITEM = 0x52;
    private static final int IMPLEMENTATION_VERSION_NAME_ITEM = 0x55;

    /** Parses the variable field of an A-ASSOCIATE-RQ without consuming {@code body}. */
    static AssociateRequest parse(ByteBuf body) throws MalformedPduException {
        ByteBuf in = body.duplicate();
        need(in, FIXED_FIELDS_BYTES, "fixed fields");
        int version = in.readUnsignedShort();
        in.skipBytes(2);
        String called = text(in, 16).strip();
        String calling = text(in, 16).strip();
        in.skipBytes(32);
        String applicationContext = null;
        List<ProposedContext> contexts = new ArrayList<>();
        long maxPdu = 0;
        String implementationClass = "";
        String implementationVersion = "";
        while (in.isReadable()) {
            need(in, 4, "item header");
            int type = in.readUnsignedByte();
            in.skipBytes(1);
            int length = in.readUnsignedShort();
            need(in, length, "item 0x" + Integer.toHexString(type));
            ByteBuf item = in.readSlice(length);
            switch (type) {
                case APPLICATION_CONTEXT_ITEM -> applicationContext = uid(item, length);
                case PRESENTATION_CONTEXT_ITEM -> contexts.add(presentationContext(item));
                case USER_INFORMATION_ITEM -> {
                    while (item.isReadable()) {
                        need(item, 4, "user information sub-item header");
                        int subType = item.readUnsignedByte();
                        item.skipBytes(1);
                        int subLength = item.readUnsignedShort();
                        need(item, subLength, "user information sub-item 0x" + Integer.toHexString(subType));
                        ByteBuf sub = item.readSlice(subLength);
                        if (subType == MAXIMUM_LENGTH_ITEM) {
                            need(sub, 4, "maximum length");
                            maxPdu = sub.readUnsignedInt();
                        } else if (subType == IMPLEMENTATION_CLASS_UID_ITEM) {
                            implementationClass = uid(sub, subLength);
                        } else if (subType == IMPLEMENTATION_VERSION_NAME_ITEM) {
                            implementationVersion = text(sub, subLength).strip();
                        }
                    }
                }
                default -> {
                    // Items this SCP does not negotiate are ignored (PS3.8 9.3.1).
                }
            }
        }
        if (applicationContext == null) {
            throw new MalformedPduException("A-ASSOCIATE-RQ has no application context item");
        }
        return new AssociateRequest(version, called, calling, applicationContext, List.copyOf(contexts), maxPdu,
                implementationClass, implementationVersion);
    }

    private static ProposedContext presentationContext(ByteBuf item) throws MalformedPduException {
        need(item, 4, "presentation context id");
        int id = item.readUnsignedByte();
        item.skipBytes(3);
        String abstractSyntax = null;
        List<String> transferSyntaxes = new ArrayList<>();
        while (item.isReadable()) {
            need(item, 4, "presentation context sub-item header");
            int type = item.readUnsignedByte();
            item.skipBytes(1);
            int length = item.readUnsignedShort();
            need(item, length, "presentation context sub-item 0x" + Integer.toHexString(type));
            ByteBuf sub = item.readSlice(length);
            if (type == ABSTRACT_SYNTAX_ITEM) {
                abstractSyntax = uid(sub, length);
            } else if (type == TRANSFER_SYNTAX_ITEM) {
                transferSyntaxes.add(uid(sub, length));
            }
        }
        if (abstractSyntax == null || transferSyntaxes.isEmpty()) {
            throw new MalformedPduException("presentation context " + id + " lacks an abstract or transfer syntax");
        }
        return new ProposedContext(id, abstractSyntax, List.copyOf(transferSyntaxes));
    }

    private static void need(ByteBuf in, int bytes, String what) throws MalformedPduException {
        if (in.readableBytes() < bytes) {
            throw new MalformedPduException("A-ASSOCIATE-RQ truncated in " + what + ": need " + bytes
                    + " bytes, " + in.readableBytes() + " left");
        }
    }

    private static String text(ByteBuf in, int length) {
        return in.readCharSequence(length, StandardCharsets.US_ASCII).toString();
    }

    /** UIDs may be padded with a trailing NUL (PS3.5 9.1); some peers pad with a space. */
    private static String uid(ByteBuf in, int length) {
        String raw = text(in, length);
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == 0 || raw.charAt(end - 1) == ' ')) {
            end--;
        }
        return raw.substring(0, end);
    }
}

package io.scangate.driver.dicos;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A deliberately plain SCU for the cases dcmtk will not produce (half a dataset, a torn connection,
 * garbage), written from PS3.8 / PS3.7 in the test, apart from the driver's encoders.
 */
final class RawScu implements AutoCloseable {

    /** A PDU as received: type and variable field. */
    record Received(int type, byte[] body) {
    }

    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawScu(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** A-ASSOCIATE-RQ with one presentation context (id 1) proposing {@code transferSyntaxes}. */
    void associate(String called, String calling, String abstractSyntax, List<String> transferSyntaxes)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(new byte[] {0, 1, 0, 0});
        body.write(padded(called));
        body.write(padded(calling));
        body.write(new byte[32]);
        item(body, 0x10, ascii("1.2.840.10008.3.1.1.1"));
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        context.write(new byte[] {1, 0, 0, 0});
        item(context, 0x30, ascii(abstractSyntax));
        for (String syntax : transferSyntaxes) {
            item(context, 0x40, ascii(syntax));
        }
        item(body, 0x20, context.toByteArray());
        ByteArrayOutputStream user = new ByteArrayOutputStream();
        item(user, 0x51, ByteBuffer.allocate(4).putInt(16_384).array());
        item(body, 0x50, user.toByteArray());
        send(0x01, body.toByteArray());
    }

    /** A C-STORE-RQ command set (implicit VR LE) in one P-DATA-TF on context 1. */
    void storeCommand(String sopClass, String sopInstance) throws IOException {
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        element(elements, 0x0002, uid(sopClass));
        element(elements, 0x0100, unsignedShort(0x0001));
        element(elements, 0x0110, unsignedShort(1));
        element(elements, 0x0700, unsignedShort(0));
        element(elements, 0x0800, unsignedShort(0x0000));
        element(elements, 0x1000, uid(sopInstance));
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        element(command, 0x0000, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(elements.size()).array());
        command.write(elements.toByteArray());
        pdv(0x03, command.toByteArray());
    }

    /** One dataset fragment on context 1. */
    void datasetFragment(byte[] bytes, boolean last) throws IOException {
        pdv(last ? 0x02 : 0x00, bytes);
    }

    void releaseRequest() throws IOException {
        send(0x05, new byte[4]);
    }

    void abortRequest() throws IOException {
        send(0x07, new byte[4]);
    }

    void send(int type, byte[] body) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(6).put((byte) type).put((byte) 0).putInt(body.length);
        out.write(header.array());
        out.write(body);
        out.flush();
    }

    /** Writes a PDU header announcing {@code length} bytes, without the bytes. */
    void sendHeaderOnly(int type, long length) throws IOException {
        out.write(ByteBuffer.allocate(6).put((byte) type).put((byte) 0).putInt((int) length).array());
        out.flush();
    }

    Received receive() throws IOException {
        int type = in.readUnsignedByte();
        in.readUnsignedByte();
        int length = in.readInt();
        byte[] body = new byte[length];
        in.readFully(body);
        return new Received(type, body);
    }

    /** True when the server closed the connection (end of stream) before the socket timeout. */
    boolean closedByPeer() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (EOFException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** The status of a C-STORE-RSP / C-ECHO-RSP in a received P-DATA-TF holding one command PDV. */
    static int status(Received pData) {
        ByteBuffer pdv = ByteBuffer.wrap(pData.body()).order(ByteOrder.LITTLE_ENDIAN);
        int position = 6;
        while (position + 8 <= pData.body().length) {
            int group = pdv.getShort(position) & 0xFFFF;
            int element = pdv.getShort(position + 2) & 0xFFFF;
            int length = pdv.getInt(position + 4);
            if (group == 0 && element == 0x0900) {
                return pdv.getShort(position + 8) & 0xFFFF;
            }
            position += 8 + length;
        }
        throw new AssertionError("no status in the response");
    }

    /** The result of presentation context 1 in an A-ASSOCIATE-AC. */
    static int contextResult(Received accept) {
        byte[] body = accept.body();
        int position = 68;
        while (position + 4 <= body.length) {
            int type = body[position] & 0xFF;
            int length = ((body[position + 2] & 0xFF) << 8) | (body[position + 3] & 0xFF);
            if (type == 0x21) {
                return body[position + 6] & 0xFF;
            }
            position += 4 + length;
        }
        throw new AssertionError("no presentation context item in the A-ASSOCIATE-AC");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void pdv(int control, byte[] data) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(6 + data.length).putInt(2 + data.length).put((byte) 1)
                .put((byte) control).put(data);
        send(0x04, body.array());
    }

    private static void item(ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type);
        out.write(0);
        out.write(value.length >>> 8);
        out.write(value.length);
        out.writeBytes(value);
    }

    private static void element(ByteArrayOutputStream out, int element, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0)
                .putShort((short) element).putInt(value.length).array());
        out.writeBytes(value);
    }

    private static byte[] unsignedShort(int value) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array();
    }

    static byte[] uid(String uid) {
        byte[] text = ascii(uid);
        return text.length % 2 == 0 ? text : java.util.Arrays.copyOf(text, text.length + 1);
    }

    private static byte[] padded(String aeTitle) {
        byte[] title = ascii(String.format("%-16s", aeTitle));
        return java.util.Arrays.copyOf(title, 16);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

package io.scangate.simulator.modbus;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;

/** A plain blocking Modbus TCP client, as a gateway would be: one request, one answer. */
final class RegisterClient implements AutoCloseable {

    /** An answer: registers, or the exception code of an exception response (registers then null). */
    record Answer(int transactionId, int unitId, int function, int[] registers, int exceptionCode) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private int transactionId;

    RegisterClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
    }

    int[] read(int unitId, int address, int quantity) throws IOException {
        Answer answer = request(unitId, 0x03, address, quantity);
        if (answer.registers() == null) {
            throw new AssertionError("exception " + answer.exceptionCode() + " reading " + quantity + " at " + address);
        }
        return answer.registers();
    }

    Answer request(int unitId, int function, int address, int quantity) throws IOException {
        return readAnswer(send(unitId, function, address, quantity));
    }

    /** Sends a request without waiting for its answer; returns its transaction id. */
    int send(int unitId, int function, int address, int quantity) throws IOException {
        int sent = ++transactionId & 0xFFFF;
        ByteBuffer request = ByteBuffer.allocate(12).putShort((short) sent).putShort((short) 0).putShort((short) 6)
                .put((byte) unitId).put((byte) function).putShort((short) address).putShort((short) quantity);
        writeRaw(request.array());
        return sent;
    }

    /** The raw bytes of the next answer's MBAP header (7 bytes). */
    byte[] readHeaderBytes() throws IOException {
        byte[] header = new byte[7];
        in.readFully(header);
        return header;
    }

    /** Writes raw bytes, e.g. a broken header. */
    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads until the server closes the connection; returns how many bytes came before the end. */
    int bytesUntilEnd() throws IOException {
        int count = 0;
        while (in.read() >= 0) {
            count++;
        }
        return count;
    }

    /** True when the server closed the connection (read returns end of stream). */
    boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    private Answer readAnswer(int expectedTransaction) throws IOException {
        int transaction = in.readUnsignedShort();
        int protocol = in.readUnsignedShort();
        int length = in.readUnsignedShort();
        int unit = in.readUnsignedByte();
        int function = in.readUnsignedByte();
        if (transaction != expectedTransaction || protocol != 0) {
            throw new AssertionError("answer for transaction " + transaction + " protocol " + protocol);
        }
        if ((function & 0x80) != 0) {
            if (length != 3) {
                throw new AssertionError("exception answer of length " + length);
            }
            return new Answer(transaction, unit, function, null, in.readUnsignedByte());
        }
        int byteCount = in.readUnsignedByte();
        if (length != 3 + byteCount) {
            throw new AssertionError("MBAP length " + length + " for byte count " + byteCount);
        }
        int[] registers = new int[byteCount / 2];
        for (int i = 0; i < registers.length; i++) {
            registers[i] = in.readUnsignedShort();
        }
        return new Answer(transaction, unit, function, registers, 0);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

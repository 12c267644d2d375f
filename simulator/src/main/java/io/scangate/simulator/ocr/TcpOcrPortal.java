package io.scangate.simulator.ocr;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Writes one line per read to the gateway over one TCP connection; the line protocol has no answers. */
public final class TcpOcrPortal implements OcrPortal {

    private final Socket socket = new Socket();
    private final OutputStream out;

    public TcpOcrPortal(String host, int port) throws IOException {
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
    }

    @Override
    public Delivery send(PortalRead read) throws IOException {
        return sendRaw(ReadEncoders.line(read));
    }

    @Override
    public Delivery sendRaw(String line) throws IOException {
        out.write((line.endsWith("\n") ? line : line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return new Delivery(0, 1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package io.scangate.simulator.dicos;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One association as the requesting side (a scanner): A-ASSOCIATE, then C-ECHO and C-STORE one at a time
 * (no asynchronous operations window, PS3.7 D.3.3.3), then A-RELEASE. A sequential client like a scanner's
 * sender, so it uses a blocking socket on the caller's thread: a slow peer blocks the write, which is all
 * the back-pressure a stream of 25 MB images needs, and heap holds one PDU whatever the image size.
 */
public final class ScuAssociation implements Closeable {

    /** Where to connect and what to offer. {@code maxPduLength} is what this side accepts (PS3.8 D.1). */
    public record Settings(String host, int port, String callingAe, String calledAe, List<String> sopClasses,
            List<String> transferSyntaxes, int maxPduLength, Duration connectTimeout, Duration responseTimeout) {
    }

    /** A C-STORE's answer and what was sent: the dataset's bytes on the wire and their SHA-256. */
    public record StoreResult(String sopClassUid, String sopInstanceUid, int status, String errorComment,
            long datasetBytes, String datasetSha256, String transferSyntax) {

        public boolean success() {
            return status == 0x0000;
        }
    }

    /** Fragments this size when the peer sets no limit (a maximum length of 0, PS3.8 D.1). */
    static final int UNLIMITED_PEER_FRAGMENT = 1 << 20;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Map<Integer, UpperLayer.AcceptedContext> accepted;
    private final List<UpperLayer.ProposedContext> proposed;
    private final int peerMaxPdu;
    private int nextMessageId = 1;
    private boolean open = true;

    private ScuAssociation(Socket socket, DataInputStream in, OutputStream out, List<UpperLayer.ProposedContext> proposed,
            UpperLayer.Acceptance acceptance) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.proposed = proposed;
        this.accepted = acceptance.contexts();
        long max = acceptance.peerMaxPduLength();
        this.peerMaxPdu = max == 0 || max > UNLIMITED_PEER_FRAGMENT ? UNLIMITED_PEER_FRAGMENT : (int) max;
    }

    /**
     * Connects and negotiates: one presentation context per SOP class (and Verification), each offering
     * {@code transferSyntaxes}.
     *
     * @throws AssociationRejectedException when the peer answers A-ASSOCIATE-RJ
     * @throws AssociationAbortedException when it answers A-ABORT
     */
    public static ScuAssociation open(Settings settings) throws IOException {
        List<UpperLayer.ProposedContext> contexts = new ArrayList<>();
        List<String> abstractSyntaxes = new ArrayList<>(List.of(DicomUids.VERIFICATION));
        settings.sopClasses().stream().filter(uid -> !abstractSyntaxes.contains(uid)).forEach(abstractSyntaxes::add);
        for (int i = 0; i < abstractSyntaxes.size(); i++) {
            contexts.add(new UpperLayer.ProposedContext(2 * i + 1, abstractSyntaxes.get(i), settings.transferSyntaxes()));
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(settings.host(), settings.port()),
                    (int) settings.connectTimeout().toMillis());
            socket.setSoTimeout((int) settings.responseTimeout().toMillis());
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            out.write(UpperLayer.associateRequest(settings.callingAe(), settings.calledAe(), contexts,
                    settings.maxPduLength()));
            out.flush();
            UpperLayer.Pdu answer = UpperLayer.read(in);
            switch (answer.type()) {
                case UpperLayer.A_ASSOCIATE_AC -> {
                    return new ScuAssociation(socket, in, out, contexts, UpperLayer.parseAccept(answer.body()));
                }
                case UpperLayer.A_ASSOCIATE_RJ -> throw new AssociationRejectedException(answer.body()[1] & 0xFF,
                        answer.body()[2] & 0xFF, answer.body()[3] & 0xFF);
                case UpperLayer.A_ABORT -> throw aborted(answer);
                default -> throw new IOException("peer answered A-ASSOCIATE-RQ with PDU type " + answer.type());
            }
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The peer's maximum P-DATA-TF length as used for fragments (its A-ASSOCIATE-AC, capped when unlimited). */
    public int peerMaxPduLength() {
        return peerMaxPdu;
    }

    /** The accepted transfer syntax for an abstract syntax, or null when the peer refused its context. */
    public String transferSyntax(String abstractSyntax) {
        UpperLayer.AcceptedContext context = acceptedContext(abstractSyntax);
        return context == null ? null : context.transferSyntax();
    }

    /** C-ECHO (PS3.7 9.1.5): the status of the response. */
    public int echo() throws IOException {
        UpperLayer.AcceptedContext context = requireContext(DicomUids.VERIFICATION);
        int messageId = nextMessageId++;
        sendCommand(context.id(), CommandSets.echoRequest(messageId));
        return awaitResponse(CommandSets.C_ECHO_RSP, messageId).status();
    }

    /**
     * C-STORE (PS3.7 9.1.1): the command, then the dataset written by {@code dataset} and fragmented as it is
     * written, then waits for the response.
     */
    public StoreResult store(String sopClassUid, String sopInstanceUid, DatasetSource dataset) throws IOException {
        return store(sopClassUid, sopInstanceUid, dataset, true);
    }

    /**
     * As {@link #store(String, String, DatasetSource)}; without {@code hashDataset} the result's
     * {@code datasetSha256} is empty, and the sender spends no CPU on it (the ingest benchmark measures the
     * receiver, not the simulator's bookkeeping).
     */
    public StoreResult store(String sopClassUid, String sopInstanceUid, DatasetSource dataset, boolean hashDataset)
            throws IOException {
        UpperLayer.AcceptedContext context = requireContext(sopClassUid);
        int messageId = nextMessageId++;
        sendCommand(context.id(), CommandSets.storeRequest(messageId, sopClassUid, sopInstanceUid));
        MessageDigest sha256 = hashDataset ? sha256() : null;
        CountingOutputStream counted = null;
        try (PDataOutputStream fragments = new PDataOutputStream(out, context.id(), false, peerMaxPdu)) {
            counted = new CountingOutputStream(hashDataset ? new DigestOutputStream(fragments, sha256) : fragments);
            dataset.writeTo(counted, !DicomUids.IMPLICIT_VR_LITTLE_ENDIAN.equals(context.transferSyntax()));
        } catch (IOException e) {
            throw lostWhileSending(sopInstanceUid, counted == null ? 0 : counted.count(), e);
        }
        CommandSets.Response response = awaitResponse(CommandSets.C_STORE_RSP, messageId);
        return new StoreResult(sopClassUid, sopInstanceUid, response.status(), response.errorComment(),
                counted.count(), hashDataset ? HexFormat.of().formatHex(sha256.digest()) : "", context.transferSyntax());
    }

    /** A-RELEASE (PS3.8 7.2): waits for A-RELEASE-RP, then closes the connection. */
    public void release() throws IOException {
        try {
            out.write(UpperLayer.releaseRequest());
            out.flush();
            UpperLayer.Pdu answer = UpperLayer.read(in);
            if (answer.type() == UpperLayer.A_ABORT) {
                throw aborted(answer);
            }
            if (answer.type() != UpperLayer.A_RELEASE_RP) {
                throw new IOException("peer answered A-RELEASE-RQ with PDU type " + answer.type());
            }
        } finally {
            open = false;
            socket.close();
        }
    }

    /** A-ABORT from this side, then close: what a scanner does when it gives up mid-transfer. */
    public void abort() throws IOException {
        try {
            out.write(UpperLayer.abort());
            out.flush();
        } finally {
            open = false;
            socket.close();
        }
    }

    /** Closes without a release when still open (an error path): the peer sees an A-ABORT. */
    @Override
    public void close() throws IOException {
        if (open) {
            abort();
        }
    }

    private void sendCommand(int contextId, byte[] command) throws IOException {
        try (PDataOutputStream fragments = new PDataOutputStream(out, contextId, true, peerMaxPdu)) {
            fragments.write(command);
        }
    }

    private CommandSets.Response awaitResponse(int expectedCommand, int messageId) throws IOException {
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        while (true) {
            UpperLayer.Pdu pdu = UpperLayer.read(in);
            if (pdu.type() == UpperLayer.A_ABORT) {
                open = false;
                socket.close();
                throw aborted(pdu);
            }
            if (pdu.type() != UpperLayer.P_DATA_TF) {
                throw new IOException("expected P-DATA-TF with a response, peer sent PDU type " + pdu.type());
            }
            byte[] body = pdu.body();
            int at = 0;
            boolean last = false;
            while (at + 6 <= body.length) {
                int length = (body[at] & 0xFF) << 24 | (body[at + 1] & 0xFF) << 16 | (body[at + 2] & 0xFF) << 8
                        | body[at + 3] & 0xFF;
                int control = body[at + 5] & 0xFF;
                if ((control & 1) == 0 || length < 2 || at + 4 + length > body.length) {
                    throw new IOException("malformed PDV in the response (length " + length + ", control " + control + ")");
                }
                command.write(body, at + 6, length - 2);
                last = (control & 2) != 0;
                at += 4 + length;
            }
            if (last) {
                CommandSets.Response response = CommandSets.parseResponse(command.toByteArray());
                if (response.commandField() != expectedCommand || response.respondingTo() != messageId) {
                    throw new IOException(String.format("expected response 0x%04X to message %d, got 0x%04X to %d",
                            expectedCommand, messageId, response.commandField(), response.respondingTo()));
                }
                return response;
            }
        }
    }

    /**
     * A peer that aborts mid-dataset usually closes at once, so the write fails with a reset before the
     * A-ABORT it sent is read: look for that A-ABORT among what did arrive, to say why.
     */
    private IOException lostWhileSending(String sopInstanceUid, long sentBytes, IOException failure) {
        open = false;
        try {
            socket.setSoTimeout(1_000);
            UpperLayer.Pdu pdu = UpperLayer.read(in);
            if (pdu.type() == UpperLayer.A_ABORT) {
                AssociationAbortedException aborted = aborted(pdu);
                aborted.addSuppressed(failure);
                return aborted;
            }
        } catch (IOException nothingReadable) {
            failure.addSuppressed(nothingReadable);
        } finally {
            closeQuietly();
        }
        return new IOException("connection lost while sending the dataset of " + sopInstanceUid + " after "
                + sentBytes + " bytes: " + failure.getMessage(), failure);
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException alreadyBroken) {
            // the connection is being given up because it failed; there is nothing left to report
        }
    }

    private UpperLayer.AcceptedContext acceptedContext(String abstractSyntax) {
        for (UpperLayer.ProposedContext context : proposed) {
            UpperLayer.AcceptedContext answer = accepted.get(context.id());
            if (context.abstractSyntax().equals(abstractSyntax) && answer != null && answer.result() == 0) {
                return answer;
            }
        }
        return null;
    }

    private UpperLayer.AcceptedContext requireContext(String abstractSyntax) throws IOException {
        UpperLayer.AcceptedContext context = acceptedContext(abstractSyntax);
        if (context == null) {
            throw new IOException("the peer accepted no presentation context for " + abstractSyntax);
        }
        return context;
    }

    private static AssociationAbortedException aborted(UpperLayer.Pdu pdu) {
        byte[] body = pdu.body();
        return body.length >= 4 ? new AssociationAbortedException(body[2] & 0xFF, body[3] & 0xFF)
                : new AssociationAbortedException(0, 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {

        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        long count() {
            return count;
        }
    }
}

package io.scangate.simulator.n42;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.scangate.simulator.n42.SimulatedDocument.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

/** A plain TCP client reads STX ... ETX frames from a lane; what it reads is the lane's ground truth. */
class N42LaneServerTest {

    private static final int DOCUMENTS = 30;

    @Test
    void everyFrameIsAnN42DocumentAndTheGroundTruthMatchesTheWire() throws Exception {
        N42LaneSettings settings = N42LaneSettings.defaults().withSeed(4).withAcceleration(2_000)
                .withAlarmProbability(0.3).withOccupanciesPerHour(120).withMaxDocuments(DOCUMENTS);
        try (N42LaneServer lane = N42LaneServer.start(settings); FrameClient client = new FrameClient(lane.port())) {
            List<byte[]> frames = client.readFrames(DOCUMENTS, Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(10)).until(() -> lane.groundTruth().size() == DOCUMENTS);
            List<SentDocument> truth = lane.groundTruth();

            assertThat(client.outsideFrames()).isZero();
            assertThat(truth).extracting(SentDocument::kind)
                    .contains(Kind.BACKGROUND, Kind.FOREGROUND, Kind.ALARM);
            for (int i = 0; i < DOCUMENTS; i++) {
                SentDocument sent = truth.get(i);
                assertThat(sent.index()).isEqualTo(i + 1);
                assertThat(frames.get(i)).hasSize(sent.bytes());
                N42Xml.Parsed read = N42Xml.parse(frames.get(i));
                assertThat(read.uuid()).isEqualTo(sent.uuid());
                N42Xml.Measurement measurement = read.measurements().get(0);
                assertThat(measurement.start()).isEqualTo(sent.start());
                assertThat(measurement.realTime()).isEqualTo(sent.realTime());
                assertThat(measurement.spectra()).extracting(N42Xml.Spectrum::sum)
                        .containsExactlyElementsOf(sent.gammaSums());
                assertThat(measurement.spectra()).extracting(N42Xml.Spectrum::liveTime)
                        .containsExactlyElementsOf(sent.liveTimes());
                assertThat(measurement.grossCounts()).isEqualTo(sent.neutronCounts());
                if (sent.kind() == Kind.ALARM) {
                    assertThat(read.nuclides()).containsEntry(sent.nuclide(), sent.confidence());
                }
                assertThat(read.alarmCategories()).hasSize(sent.kind() == Kind.ALARM ? 1 : 0);
            }
            for (int i = 1; i < DOCUMENTS; i++) {
                SentDocument previous = truth.get(i - 1);
                assertThat(truth.get(i).start())
                        .isAfterOrEqualTo(previous.start().plus(previous.realTime()));
            }
        }
    }

    @Test
    void theNewestClientTakesTheLaneOverAndTheGroundTruthSaysWhichConnectionGotWhat() throws Exception {
        N42LaneSettings settings = N42LaneSettings.defaults().withSeed(6).withAcceleration(1_000);
        try (N42LaneServer lane = N42LaneServer.start(settings)) {
            assertThat(lane.groundTruth()).isEmpty();
            try (FrameClient first = new FrameClient(lane.port())) {
                first.readFrames(2, Duration.ofSeconds(30));
                try (FrameClient second = new FrameClient(lane.port())) {
                    await().atMost(Duration.ofSeconds(10)).until(first::closedByLane);
                    List<byte[]> secondFrames = second.readFrames(3, Duration.ofSeconds(30));

                    assertThat(uuids(first.frames)).isEqualTo(truthUuids(lane, 1));
                    assertThat(uuids(secondFrames)).isEqualTo(truthUuids(lane, 2).subList(0, secondFrames.size()));
                    assertThat(lane.groundTruth()).extracting(SentDocument::connection).isSorted();
                }
            }
        }
    }

    @Test
    void faultsDamageTheWireAsTheGroundTruthSays() throws Exception {
        N42LaneSettings settings = N42LaneSettings.defaults().withSeed(12).withAcceleration(5_000)
                .withFaultProbability(0.25);
        try (N42LaneServer lane = N42LaneServer.start(settings)) {
            List<byte[]> frames = new ArrayList<>();
            int outside = 0;
            int drops = 0;
            while (lane.groundTruth().size() < DOCUMENTS * 2) {
                try (FrameClient client = new FrameClient(lane.port())) {
                    client.readFrames(Integer.MAX_VALUE, Duration.ofSeconds(30),
                            () -> lane.groundTruth().size() >= DOCUMENTS * 2);
                    frames.addAll(client.frames);
                    outside += client.outsideFrames();
                    drops += client.endOfStream ? 1 : 0;
                }
            }
            List<SentDocument> truth = lane.groundTruth();
            List<SentDocument> framed = truth.stream().filter(t -> t.fault() != N42Fault.DROP_MID_DOCUMENT)
                    .limit(frames.size()).toList();
            assertThat(truth).extracting(SentDocument::fault).contains(N42Fault.GARBAGE_BEFORE_FRAME,
                    N42Fault.MALFORMED_DOCUMENT, N42Fault.DROP_MID_DOCUMENT, null);
            for (int i = 0; i < frames.size(); i++) {
                byte[] frame = frames.get(i);
                if (framed.get(i).fault() == N42Fault.MALFORMED_DOCUMENT) {
                    assertThat(frame).hasSize(framed.get(i).bytes() / 2);
                    assertThatThrownBy(() -> N42Xml.parse(frame)).isInstanceOf(SAXParseException.class);
                } else {
                    assertThat(N42Xml.parse(frame).uuid()).isEqualTo(framed.get(i).uuid());
                }
            }
            assertThat(outside).isPositive();
            assertThat(drops).isPositive();
        }
    }

    private static List<String> uuids(List<byte[]> frames) throws Exception {
        List<String> uuids = new ArrayList<>();
        for (byte[] frame : frames) {
            uuids.add(N42Xml.parse(frame).uuid());
        }
        return uuids;
    }

    private static List<String> truthUuids(N42LaneServer lane, int connection) {
        return lane.groundTruth().stream().filter(sent -> sent.connection() == connection)
                .map(SentDocument::uuid).toList();
    }

    /** A blocking client that splits the stream at STX ... ETX and counts bytes outside frames. */
    private static final class FrameClient implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();
        private final List<byte[]> frames = new ArrayList<>();
        private boolean inside;
        private int outside;
        private boolean endOfStream;

        FrameClient(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(50);
            in = socket.getInputStream();
        }

        List<byte[]> readFrames(int count, Duration timeout) throws IOException {
            return readFrames(count, timeout, () -> false);
        }

        /** Reads until {@code count} frames, the end of the stream, or {@code enough} holds. */
        List<byte[]> readFrames(int count, Duration timeout, BooleanSupplier enough) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] buffer = new byte[64 * 1024];
            while (frames.size() < count && !endOfStream && !enough.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(count + " frames not read within " + timeout + ", got " + frames.size());
                }
                try {
                    int n = in.read(buffer);
                    if (n < 0) {
                        endOfStream = true;
                    }
                    for (int i = 0; i < n; i++) {
                        accept(buffer[i]);
                    }
                } catch (SocketTimeoutException e) {
                    // nothing due yet: check the deadline again
                }
            }
            return frames;
        }

        boolean closedByLane() throws IOException {
            readFrames(Integer.MAX_VALUE, Duration.ofSeconds(1));
            return endOfStream;
        }

        private void accept(byte b) {
            if (b == N42LaneServer.STX) {
                inside = true;
                current.reset();
            } else if (b == N42LaneServer.ETX && inside) {
                frames.add(current.toByteArray());
                inside = false;
            } else if (inside) {
                current.write(b);
            } else {
                outside++;
            }
        }

        int outsideFrames() {
            return outside;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

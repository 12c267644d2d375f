package io.scangate.launcher;

import com.google.protobuf.InvalidProtocolBufferException;
import io.scangate.proto.v1.DetectorCounts;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.RadiationScan;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The demo's back-end: subscribes like a customs consumer would and prints one readable line per
 * decoded result and per inspection. Background measurements, OCR reads and X-ray scans are only counted: at
 * demo speed they would drown the rest, and the inspection line shows what the reads and scans said.
 */
final class DemoConsole implements MqttCallback, AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final MqttAsyncClient client;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    private DemoConsole(PrintStream out, MqttAsyncClient client) {
        this.out = out;
        this.client = client;
    }

    static DemoConsole subscribe(String brokerUri, PrintStream out) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(brokerUri, "scangate-demo-console", new MemoryPersistence());
        DemoConsole console = new DemoConsole(out, client);
        client.setCallback(console);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe("scangate/v1/#", 1).waitForCompletion(10_000);
        return console;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        Envelope e;
        try {
            e = Envelope.parseFrom(message.getPayload());
        } catch (InvalidProtocolBufferException ex) {
            out.printf("%-60s undecodable payload (%d bytes)%n", topic, message.getPayload().length);
            return;
        }
        String kind = topic.substring(topic.lastIndexOf('/') + 1);
        counts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        String head = String.format("%s %-26s", TIME.format(Instant.ofEpochSecond(e.getReceiveTime().getSeconds(),
                e.getReceiveTime().getNanos())), e.getDevice().getLane() + "/" + e.getDevice().getDeviceId());
        switch (e.getBodyCase()) {
            case RADIATION_SCAN -> out.println(head + " " + describe(e.getRadiationScan()));
            case DEVICE_STATUS -> out.printf("%s status %s (%s)%n", head,
                    e.getDeviceStatus().getState().name().substring("DEVICE_STATE_".length()), e.getDeviceStatus().getReason());
            case DEVICE_SETUP -> out.printf("%s setup %s %s%n", head, e.getDeviceSetup().getSourceTag(),
                    e.getDeviceSetup().getValuesMap());
            case RAW_RECORD -> out.printf("%s raw %s (%s)%n", head, e.getRawRecord().getTag(), e.getRawRecord().getReason());
            case INSPECTION -> out.println(head + " " + InspectionLine.describe(e.getInspection()));
            default -> {
            }
        }
    }

    private static String describe(RadiationScan s) {
        double seconds = (s.getEndTime().getSeconds() - s.getStartTime().getSeconds())
                + (s.getEndTime().getNanos() - s.getStartTime().getNanos()) / 1e9;
        String speed = s.getSpeedCount() == 0 ? "-" : String.format(Locale.ROOT, "%.1f mph", s.getSpeed(0).getMph());
        long gammaAlarmIntervals = s.getGammaList().stream().filter(DetectorCounts::getAlarm).count();
        return String.format(Locale.ROOT,
                "OCCUPANCY #%s %-11s gamma=%-5s neutron=%-5s sigma=%6s intervals=%d/%d speed=%s%s",
                s.getDeviceCounterPresent() ? Long.toString(s.getDeviceCounter()) : "-",
                s.getClose().name().substring("OCCUPANCY_CLOSE_".length()),
                s.getGammaAlarm() ? "ALARM" : "ok", s.getNeutronAlarm() ? "ALARM" : "ok",
                s.getGammaSigmaPresent() ? String.format(Locale.ROOT, "%.1f", s.getGammaSigma()) : "-",
                s.getGammaCount(), s.getNeutronCount(), speed,
                gammaAlarmIntervals > 0 ? "  <<< " + gammaAlarmIntervals + " alarm intervals" : "")
                + (s.getNuclidesCount() == 0 ? "" : " nuclides=" + s.getNuclidesList().stream()
                        .map(n -> n.getNuclide() + String.format(Locale.ROOT, "(%.0f%%)", n.getConfidence() * 100))
                        .collect(Collectors.joining(",")))
                + String.format(Locale.ROOT, " (%.2f s at the gateway)", seconds);
    }

    String summary() {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(en -> en.getKey() + "=" + en.getValue()).collect(Collectors.joining(" "));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        out.println("console: disconnected from the broker: " + response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        out.println("console: MQTT error: " + exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}

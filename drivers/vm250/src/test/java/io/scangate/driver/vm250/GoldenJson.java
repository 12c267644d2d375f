package io.scangate.driver.vm250;

import io.scangate.driver.testkit.RecordingDeviceContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scangate.driver.testkit.RecordingDeviceContext.Condition;
import io.scangate.driver.testkit.RecordingDeviceContext.DecodeError;
import io.scangate.driver.testkit.RecordingDeviceContext.Emitted;
import io.scangate.driver.testkit.RecordingDeviceContext.Event;
import io.scangate.proto.v1.DetectorCounts;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.RadiationScan;
import java.util.List;
import java.util.TreeMap;

/**
 * The JSON forms the golden files use: records as in golden/README.md, and the compact expected-event
 * form of {@code *.events.jsonl} (see {@link #event}).
 */
final class GoldenJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private GoldenJson() {
    }

    static JsonNode record(Vm250Record record) {
        ObjectNode node = JSON.createObjectNode();
        if (record instanceof Vm250Record.Counts counts) {
            node.put("tag", counts.tag().name());
            ArrayNode values = node.putArray("counts");
            counts.counts().forEach(value -> values.add(value == null ? null : JSON.valueToTree(value)));
        } else if (record instanceof Vm250Record.Speed speed) {
            node.put("tag", "SP").put("secondsPerFoot", speed.secondsPerFoot()).put("mph", speed.mph())
                    .put("kmh", speed.kmh()).put("spare", speed.spare());
        } else if (record instanceof Vm250Record.OccupancyEnd end) {
            node.put("tag", "GX").put("occupancyCounter", end.occupancyCounter())
                    .put("neutronBackgroundX1000", end.neutronBackgroundX1000())
                    .put("field3", end.field3()).put("field4", end.field4());
        } else if (record instanceof Vm250Record.Tamper tamper) {
            node.put("tag", tamper.tripped() ? "TT" : "TC");
        } else if (record instanceof Vm250Record.Setup setup) {
            node.put("tag", setup.tag());
            setup.fields().forEach(node.putArray("fields")::add);
        } else if (record instanceof Vm250Record.Unknown unknown) {
            node.put("tag", unknown.tag()).put("raw", unknown.text());
        } else if (record instanceof Vm250Record.Invalid invalid) {
            node.put("invalid", invalid.problem().reason()).put("tag", invalid.tag()).put("raw", invalid.text());
        }
        return node;
    }

    /**
     * One thing the driver told the host, in the compact form of {@code *.events.jsonl}:
     * <ul>
     *   <li>{@code {"kind":"scan","close":"NORMAL","gammaAlarm":..,"neutronAlarm":..,"gammaIntervals":n,
     *       "gammaAlarmIntervals":n,"neutronIntervals":n,"neutronAlarmIntervals":n,"absentValues":n,
     *       "firstGammaOffsetMs":-1000,"lastGammaOffsetMs":..,"lastNeutronOffsetMs":..,"speeds":n,
     *       "deviceCounter":124|null,"gammaBackground":[..]|null,"neutronBackground":[..]|null,
     *       "gammaSigma":x.xx|null,"gammaThreshold":x.xx|null,"deviceFields":{..},"unmapped":[..]}} —
     *       no ids or times; sigma and threshold rounded to two decimals; null for NaN or absent;
     *   <li>{@code {"kind":"measurement","type":"GAMMA_BACKGROUND","tag":"GB","counts":[383,null,..]}};
     *   <li>{@code {"kind":"setup","tag":"SG1","values":{..},"fields":[..]}};
     *   <li>{@code {"kind":"raw","tag":"NC","reason":"unknown tag","payload":"NC,000001"}};
     *   <li>{@code {"kind":"condition","condition":"FAULT","active":true,"reason":".."}};
     *   <li>{@code {"kind":"decodeError","reason":"garbage"}} (the free-text detail is left out).
     * </ul>
     */
    static JsonNode event(Event event) {
        ObjectNode node = JSON.createObjectNode();
        if (event instanceof Condition condition) {
            node.put("kind", "condition").put("condition", condition.condition().name())
                    .put("active", condition.active()).put("reason", condition.reason());
        } else if (event instanceof DecodeError error) {
            node.put("kind", "decodeError").put("reason", error.reason());
        } else if (event instanceof Emitted emitted) {
            return message(emitted.message());
        }
        return node;
    }

    private static JsonNode message(Envelope message) {
        ObjectNode node = JSON.createObjectNode();
        switch (message.getBodyCase()) {
            case RADIATION_SCAN -> scan(node, message.getRadiationScan());
            case RADIATION_MEASUREMENT -> {
                var measurement = message.getRadiationMeasurement();
                node.put("kind", "measurement")
                        .put("type", measurement.getKind().name().replace("MEASUREMENT_KIND_", ""))
                        .put("tag", measurement.getSourceTag());
                ArrayNode counts = node.putArray("counts");
                for (int i = 0; i < measurement.getCountsCount(); i++) {
                    if (measurement.getPresent(i)) {
                        counts.add(measurement.getCounts(i));
                    } else {
                        counts.addNull();
                    }
                }
            }
            case DEVICE_SETUP -> {
                var setup = message.getDeviceSetup();
                node.put("kind", "setup").put("tag", setup.getSourceTag());
                node.set("values", JSON.valueToTree(setup.getValuesMap()));
                setup.getFieldsList().forEach(node.putArray("fields")::add);
            }
            case RAW_RECORD -> {
                var raw = message.getRawRecord();
                node.put("kind", "raw").put("tag", raw.getTag()).put("reason", raw.getReason())
                        .put("payload", LineText.printable(raw.getPayload().toByteArray()));
            }
            default -> node.put("kind", message.getBodyCase().name());
        }
        return node;
    }

    private static void scan(ObjectNode node, RadiationScan scan) {
        node.put("kind", "scan").put("close", scan.getClose().name().replace("OCCUPANCY_CLOSE_", ""))
                .put("gammaAlarm", scan.getGammaAlarm()).put("neutronAlarm", scan.getNeutronAlarm())
                .put("gammaIntervals", scan.getGammaCount())
                .put("gammaAlarmIntervals", scan.getGammaList().stream().filter(DetectorCounts::getAlarm).count())
                .put("neutronIntervals", scan.getNeutronCount())
                .put("neutronAlarmIntervals",
                        scan.getNeutronList().stream().filter(DetectorCounts::getAlarm).count())
                .put("absentValues", absent(scan.getGammaList()) + absent(scan.getNeutronList()));
        node.set("firstGammaOffsetMs", offsetMs(scan.getGammaList(), 0));
        node.set("lastGammaOffsetMs", offsetMs(scan.getGammaList(), scan.getGammaCount() - 1));
        node.set("lastNeutronOffsetMs", offsetMs(scan.getNeutronList(), scan.getNeutronCount() - 1));
        node.put("speeds", scan.getSpeedCount());
        node.set("deviceCounter", scan.getDeviceCounterPresent()
                ? JSON.valueToTree(scan.getDeviceCounter()) : JSON.nullNode());
        node.set("gammaBackground", background(scan.getGammaBackgroundList()));
        node.set("neutronBackground", background(scan.getNeutronBackgroundList()));
        node.set("gammaSigma", scan.getGammaSigmaPresent() ? rounded(scan.getGammaSigma()) : JSON.nullNode());
        node.set("gammaThreshold", scan.getGammaThresholdPresent()
                ? rounded(scan.getGammaThreshold()) : JSON.nullNode());
        node.set("deviceFields", JSON.valueToTree(new TreeMap<>(scan.getDeviceFieldsMap())));
        scan.getUnmappedList().forEach(node.putArray("unmapped")::add);
        if (!node.has("unmapped")) {
            node.putArray("unmapped");
        }
    }

    private static long absent(List<DetectorCounts> intervals) {
        return intervals.stream().flatMap(interval -> interval.getPresentList().stream()).filter(p -> !p).count();
    }

    private static JsonNode offsetMs(List<DetectorCounts> intervals, int index) {
        if (index < 0) {
            return JSON.nullNode();
        }
        var offset = intervals.get(index).getOffset();
        return JSON.valueToTree(offset.getSeconds() * 1000 + offset.getNanos() / 1_000_000);
    }

    private static JsonNode background(List<Double> values) {
        if (values.isEmpty()) {
            return JSON.nullNode();
        }
        ArrayNode array = JSON.createArrayNode();
        values.forEach(value -> {
            if (value.isNaN()) {
                array.addNull();
            } else {
                array.add(value);
            }
        });
        return array;
    }

    private static JsonNode rounded(double value) {
        return Double.isNaN(value) ? JSON.nullNode() : JSON.valueToTree(Math.round(value * 100) / 100.0);
    }
}

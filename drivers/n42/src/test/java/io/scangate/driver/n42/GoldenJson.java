package io.scangate.driver.n42;

import io.scangate.driver.testkit.RecordingDeviceContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.scangate.driver.testkit.RecordingDeviceContext.Condition;
import io.scangate.driver.testkit.RecordingDeviceContext.DecodeError;
import io.scangate.driver.testkit.RecordingDeviceContext.Emitted;
import io.scangate.driver.testkit.RecordingDeviceContext.Event;
import io.scangate.proto.v1.DetectorCounts;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.RadiationMeasurement;
import io.scangate.proto.v1.RadiationScan;
import io.scangate.proto.v1.Spectrum;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/**
 * The compact JSON of {@code golden/NAME.expected.json}: one object per thing the driver told the host, in
 * order. Spectra appear as channel count, sum and first channels rather than every channel (the data-driven
 * test checks sums and times against the document itself); times as ISO-8601 text, durations in seconds;
 * NaN as null. Raw payloads appear as text when they are the unmapped lines, by size otherwise.
 */
final class GoldenJson {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIRST_CHANNELS = 8;

    private GoldenJson() {
    }

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

    static JsonNode message(Envelope message) {
        ObjectNode node = JSON.createObjectNode();
        if (message.hasDeviceTime()) {
            node.put("deviceTime", time(message.getDeviceTime()));
        }
        switch (message.getBodyCase()) {
            case RADIATION_SCAN -> scan(node, message.getRadiationScan());
            case RADIATION_MEASUREMENT -> measurement(node, message.getRadiationMeasurement());
            case DEVICE_SETUP -> {
                var setup = message.getDeviceSetup();
                node.put("kind", "setup").put("tag", setup.getSourceTag());
                node.set("values", JSON.valueToTree(new TreeMap<>(setup.getValuesMap())));
            }
            case RAW_RECORD -> {
                var raw = message.getRawRecord();
                node.put("kind", "raw").put("tag", raw.getTag()).put("reason", raw.getReason());
                if (N42Mapper.UNMAPPED_TAG.equals(raw.getTag())) {
                    raw.getPayload().toString(StandardCharsets.UTF_8).lines().forEach(node.putArray("lines")::add);
                } else {
                    node.put("payloadBytes", raw.getPayload().size());
                }
            }
            default -> node.put("kind", message.getBodyCase().name());
        }
        return node;
    }

    private static void measurement(ObjectNode node, RadiationMeasurement measurement) {
        node.put("kind", "measurement")
                .put("type", measurement.getKind().name().replace("MEASUREMENT_KIND_", ""))
                .put("tag", measurement.getSourceTag());
        node.set("counts", counts(measurement.getCountsList(), measurement.getPresentList()));
        if (measurement.hasRealTime()) {
            node.put("realTimeS", seconds(measurement.getRealTime()));
        }
        node.set("spectra", spectra(measurement.getSpectraList()));
    }

    private static void scan(ObjectNode node, RadiationScan scan) {
        node.put("kind", "scan").put("occupancyId", scan.getOccupancyId())
                .put("close", scan.getClose().name().replace("OCCUPANCY_CLOSE_", ""))
                .put("gammaAlarm", scan.getGammaAlarm()).put("neutronAlarm", scan.getNeutronAlarm());
        if (scan.hasStartTime()) {
            node.put("start", time(scan.getStartTime()));
        }
        if (scan.hasEndTime()) {
            node.put("end", time(scan.getEndTime()));
        }
        node.set("gamma", intervals(scan.getGammaList()));
        node.set("neutron", intervals(scan.getNeutronList()));
        node.set("gammaBackground", doubles(scan.getGammaBackgroundList()));
        node.set("neutronBackground", doubles(scan.getNeutronBackgroundList()));
        node.set("gammaSigma", scan.getGammaSigmaPresent() ? JSON.valueToTree(scan.getGammaSigma()) : JSON.nullNode());
        node.set("spectra", spectra(scan.getSpectraList()));
        ArrayNode nuclides = node.putArray("nuclides");
        scan.getNuclidesList().forEach(n -> nuclides.addObject().put("nuclide", n.getNuclide())
                .put("category", n.getCategory()).put("confidence", n.getConfidence()));
        node.set("deviceFields", JSON.valueToTree(new TreeMap<>(scan.getDeviceFieldsMap())));
        scan.getUnmappedList().forEach(node.putArray("unmapped")::add);
        if (!node.has("unmapped")) {
            node.putArray("unmapped");
        }
    }

    private static ArrayNode intervals(List<DetectorCounts> intervals) {
        ArrayNode array = JSON.createArrayNode();
        for (DetectorCounts interval : intervals) {
            ObjectNode item = array.addObject().put("offsetS", seconds(interval.getOffset()))
                    .put("lengthS", seconds(interval.getLength())).put("alarm", interval.getAlarm());
            item.set("counts", counts(interval.getCountsList(), interval.getPresentList()));
        }
        return array;
    }

    private static ArrayNode spectra(List<Spectrum> spectra) {
        ArrayNode array = JSON.createArrayNode();
        for (Spectrum spectrum : spectra) {
            ObjectNode item = array.addObject().put("detector", spectrum.getDetector())
                    .put("channels", spectrum.getChannelCountsCount())
                    .put("sum", spectrum.getChannelCountsList().stream().mapToLong(Integer::toUnsignedLong).sum());
            ArrayNode first = item.putArray("first");
            spectrum.getChannelCountsList().stream().limit(FIRST_CHANNELS).forEach(first::add);
            if (spectrum.hasLiveTime()) {
                item.put("liveTimeS", seconds(spectrum.getLiveTime()));
            }
            if (spectrum.hasRealTime()) {
                item.put("realTimeS", seconds(spectrum.getRealTime()));
            }
            if (spectrum.hasCalibration()) {
                spectrum.getCalibration().getCoefficientsList().forEach(item.withArray("calibration")::add);
            }
        }
        return array;
    }

    private static ArrayNode counts(List<Integer> counts, List<Boolean> present) {
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < counts.size(); i++) {
            if (present.get(i)) {
                array.add(Integer.toUnsignedLong(counts.get(i)));
            } else {
                array.addNull();
            }
        }
        return array;
    }

    private static ArrayNode doubles(List<Double> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(value -> {
            if (value.isNaN()) {
                array.addNull();
            } else {
                array.add(Math.round(value * 1000) / 1000.0);
            }
        });
        return array;
    }

    static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNanos() / 1e9;
    }

    private static String time(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).toString();
    }
}

package io.scangate.driver.aspect;

import io.scangate.driver.testkit.RecordingDeviceContext;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.embedded.EmbeddedChannel;
import io.scangate.driver.DeviceCondition;
import io.scangate.driver.testkit.RecordingDeviceContext.Condition;
import io.scangate.proto.v1.OccupancyClose;
import io.scangate.proto.v1.RadiationScan;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared golden vectors (golden/README.md): each monitor-block answer PDU decodes to the expected
 * values, and the values mean what the expected meaning says (conditions, alarms, direction, speed).
 * The simulator encodes the same values to the same bytes.
 */
class GoldenVectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    static Stream<JsonNode> monitorBlocks() throws IOException {
        return read("monitor-blocks.jsonl").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("monitorBlocks")
    void theAnswerPduDecodesToTheExpectedValues(JsonNode golden) {
        MonitorBlock block = decode(golden.get("pdu").asText());
        JsonNode values = golden.get("values");

        assertThat(block.elapsedMillis()).isEqualTo(values.get("elapsedMillis").asLong());
        assertThat(block.inputs()).isEqualTo(values.get("inputs").asInt());
        assertChannel(block.gamma(), values.get("gamma"));
        assertChannel(block.neutron(), values.get("neutron"));
        assertThat(block.objectCount()).isEqualTo(values.get("objectCount").asInt());
        assertThat(block.objectMark()).isEqualTo(values.get("objectMark").asInt());
        assertThat(block.speed()).isEqualTo(values.get("speed").asInt());
        assertThat(block.outputs()).isEqualTo(values.get("outputs").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("monitorBlocks")
    void theValuesMeanWhatTheGoldenFileSays(JsonNode golden) {
        MonitorBlock block = decode(golden.get("pdu").asText());
        JsonNode meaning = golden.get("meaning");
        RecordingDeviceContext device = new RecordingDeviceContext(DriverHarness.DEVICE, new EmbeddedChannel().eventLoop());

        new FaultWatch(device).onMonitor(block);
        RadiationScan scan = new Passage(Instant.EPOCH, block, null).close(OccupancyClose.OCCUPANCY_CLOSE_NORMAL,
                Instant.EPOCH, AspectModbusConfig.DEFAULT_SPEED_KMH_PER_UNIT);

        assertThat(block.occupied()).isEqualTo(meaning.get("occupied").asBoolean());
        assertThat((block.inputs() & MonitorBlock.RESET) != 0).isEqualTo(meaning.get("reset").asBoolean());
        assertThat(block.gamma().alarmLevel()).isEqualTo(meaning.get("gammaAlarmLevel").asInt());
        assertThat(block.neutron().alarmLevel()).isEqualTo(meaning.get("neutronAlarmLevel").asInt());
        assertThat(scan.getDeviceFieldsMap().get("direction")).isEqualTo(textOrNull(meaning.get("direction")));
        assertThat(scan.getDeviceFieldsMap()).containsEntry("output_alarm", meaning.get("outputAlarm").asText());
        double kmh = meaning.get("speedKmh").asDouble();
        assertThat(scan.getSpeedList()).extracting(speed -> Math.round(speed.getKmh() * 10) / 10.0)
                .isEqualTo(kmh == 0 ? List.of() : List.of(kmh));
        List<String> faults = new ArrayList<>();
        meaning.get("faults").forEach(fault -> faults.add(fault.asText()));
        List<Condition> expected = new ArrayList<>();
        if (!faults.isEmpty()) {
            expected.add(new Condition(DeviceCondition.FAULT, true, String.join(", ", faults)));
        }
        if (meaning.get("tamper").asBoolean()) {
            expected.add(new Condition(DeviceCondition.TAMPER, true, "Open: cabinet open"));
        }
        assertThat(device.conditions()).containsExactlyElementsOf(expected);
    }

    @Test
    void theHeaderPduLocatesTheMonitorBlock() throws IOException {
        JsonNode golden = read("header.jsonl").get(0);
        byte[] pdu = HEX.parseHex(golden.get("pdu").asText());
        ModbusResponse response = ModbusResponseDecoder.decode(new MbapFrame(1, 1, pdu));

        HeaderBlock header = HeaderBlock.decode(((ModbusResponse.Registers) response).values());

        JsonNode expected = golden.get("header");
        assertThat(header).isEqualTo(new HeaderBlock(expected.get("signature").asInt(),
                expected.get("headerRegisters").asInt(), expected.get("monitorBlockId").asInt(),
                expected.get("monitorBase").asInt(), expected.get("monitorRegisters").asInt()));
        assertThat(header.problem()).isNull();
    }

    private static MonitorBlock decode(String pduHex) {
        ModbusResponse response = ModbusResponseDecoder.decode(new MbapFrame(1, 1, HEX.parseHex(pduHex)));
        assertThat(response).isInstanceOf(ModbusResponse.Registers.class);
        return MonitorBlock.decode(((ModbusResponse.Registers) response).values(), WordOrder.LOW_WORD_FIRST);
    }

    private static void assertChannel(MonitorBlock.Channel channel, JsonNode expected) {
        assertThat(channel.status()).isEqualTo(expected.get("status").asInt());
        assertThat(channel.count()).isEqualTo(expected.get("count").asLong());
        assertThat(Float.floatToRawIntBits(channel.background()))
                .isEqualTo(Float.floatToRawIntBits((float) expected.get("background").asDouble()));
        assertThat(Float.floatToRawIntBits(channel.variance()))
                .isEqualTo(Float.floatToRawIntBits((float) expected.get("variance").asDouble()));
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<JsonNode> read(String file) throws IOException {
        Path path;
        try {
            path = Path.of(GoldenVectorTest.class.getResource("/golden/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<JsonNode> cases = new ArrayList<>();
        for (String line : Files.readAllLines(path)) {
            if (!line.isBlank()) {
                cases.add(JSON.readTree(line));
            }
        }
        return cases;
    }
}

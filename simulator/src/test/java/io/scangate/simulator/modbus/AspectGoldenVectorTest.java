package io.scangate.simulator.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared Aspect golden vectors (drivers/aspect-modbus/src/test/resources/golden, README there), read by
 * path: the simulator's encoder must turn each case's values into exactly its answer PDU.
 */
class AspectGoldenVectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void everyMonitorBlockCaseEncodesToItsBytes() throws IOException {
        List<JsonNode> cases = read("monitor-blocks.jsonl");

        assertThat(cases).hasSizeGreaterThanOrEqualTo(4);
        for (JsonNode golden : cases) {
            MonitorValues values = values(golden.get("values"));
            byte[] pdu = AspectRegisterMap.readResponsePdu(AspectRegisterMap.monitorBlock(values));
            assertThat(HEX.formatHex(pdu)).as(golden.get("name").asText()).isEqualTo(golden.get("pdu").asText());
        }
    }

    @Test
    void theHeaderEncodesToItsBytes() throws IOException {
        JsonNode golden = read("header.jsonl").get(0);

        assertThat(HEX.formatHex(AspectRegisterMap.readResponsePdu(AspectRegisterMap.header())))
                .isEqualTo(golden.get("pdu").asText());
        assertThat(golden.get("header").get("monitorBase").asInt()).isEqualTo(AspectRegisterMap.BASE);
    }

    private static MonitorValues values(JsonNode node) {
        return new MonitorValues(node.get("elapsedMillis").asLong(), node.get("inputs").asInt(),
                channel(node.get("gamma")), channel(node.get("neutron")), node.get("objectCount").asInt(),
                node.get("objectMark").asInt(), node.get("speed").asInt(), node.get("outputs").asInt());
    }

    private static MonitorValues.ChannelValues channel(JsonNode node) {
        return new MonitorValues.ChannelValues(node.get("status").asInt(), node.get("count").asLong(),
                (float) node.get("background").asDouble(), (float) node.get("variance").asDouble());
    }

    static Path folder() {
        String root = System.getProperty("scangate.repo.root");
        Path repo = root == null || root.isBlank() ? Path.of("..") : Path.of(root);
        Path folder = repo.resolve("drivers/aspect-modbus/src/test/resources/golden");
        if (!Files.isDirectory(folder)) {
            folder = Path.of("..").resolve("drivers/aspect-modbus/src/test/resources/golden");
        }
        return folder.toAbsolutePath().normalize();
    }

    private static List<JsonNode> read(String file) throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        for (String line : Files.readAllLines(folder().resolve(file))) {
            if (!line.isBlank()) {
                cases.add(JSON.readTree(line));
            }
        }
        return cases;
    }
}

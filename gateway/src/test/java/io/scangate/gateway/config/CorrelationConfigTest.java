package io.scangate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scangate.gateway.correlate.CorrelationSettings;
import io.scangate.gateway.correlate.LaneSettings;
import io.scangate.gateway.host.DriverRegistry;
import io.scangate.proto.v1.InspectionPart;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CorrelationConfigTest {

    private final ConfigLoader loader = new ConfigLoader(DriverRegistry.fromClassPath());

    private static final String DEVICES = """
            site: test-site
            gatewayId: gw-1
            journal: {directory: /var/lib/scangate/journal}
            devices:
              - id: lane1-rpm
                driver: vm250
                lane: lane1
                transport: {kind: tcp-client, host: 127.0.0.1, port: 1601}
            """;

    /** The README's example. */
    private static final String LANE1 = DEVICES + """
            correlation:
              maxOpenPerLane: 32
              lanes:
                - lane: lane1
                  parts:
                    - {kind: conveyance}
                    - {kind: radiation, after: 8s, tolerance: 6s}
                    - {kind: xray, after: 40s, tolerance: 10s}
                  deadline: 3m
                  settle: 5s
            """;

    @Test
    void noCorrelationSectionMeansNoLanes() throws Exception {
        CorrelationConfig c = loader.parse(DEVICES).gateway().correlation();
        assertThat(c.lanes()).isEmpty();
        assertThat(c.maxOpenPerLane()).isEqualTo(32);
    }

    @Test
    void aLaneIsBoundToTypedSettingsWithDefaults() throws Exception {
        CorrelationSettings s = loader.parse(LANE1).gateway().correlation()
                .toSettings(Path.of("/var/lib/scangate/journal"));

        LaneSettings lane = s.lanes().get(0);
        assertThat(lane.lane()).isEqualTo("lane1");
        assertThat(lane.parts()).extracting(p -> p.part()).containsExactly(InspectionPart.INSPECTION_PART_CONVEYANCE,
                InspectionPart.INSPECTION_PART_RADIATION, InspectionPart.INSPECTION_PART_XRAY);
        assertThat(lane.parts().get(0).tolerance()).isEqualTo(Duration.ofSeconds(10));
        assertThat(lane.parts().get(2).after()).isEqualTo(Duration.ofSeconds(40));
        assertThat(lane.deadline()).isEqualTo(Duration.ofMinutes(3));
        assertThat(lane.maxOpen()).isEqualTo(32);
        assertThat(lane.maxRecent()).isEqualTo(256);
        assertThat(lane.amendFor()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.sweepInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.stateFile()).isEqualTo(Path.of("/var/lib/scangate/journal/correlation-state.bin"));
    }

    @Test
    void everyProblemIsNamedWithItsKeyAndFix() {
        String yaml = DEVICES + """
                correlation:
                  maxOpenPerLane: 0
                  sweepInterval: 10ms
                  lanes:
                    - lane: lane9
                      parts:
                        - {kind: radiation, after: 5s}
                        - {kind: ocr}
                        - {kind: radiation, tolerance: 0s}
                      deadline: 10s
                    - lane: lane1
                      parts: []
                    - lane: lane1
                      parts: [{kind: xray}]
                      settle: 10m
                """;

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml));

        assertThat(e).isNotNull();
        assertThat(e.problems())
                .anySatisfy(p -> assertThat(p).startsWith("correlation.maxOpenPerLane: 0 is out of range"))
                .anySatisfy(p -> assertThat(p).startsWith("correlation.sweepInterval: PT0.01S is out of range"))
                .anySatisfy(p -> assertThat(p).startsWith("correlation.lanes[0].lane: no device is in lane 'lane9'")
                        .contains("lane1"))
                .anySatisfy(p -> assertThat(p).startsWith("correlation.lanes[0].parts[0].after: the first part is the reference"))
                .anySatisfy(p -> assertThat(p).startsWith("correlation.lanes[0].parts[1].kind: 'ocr' is not a part")
                        .contains("conveyance, radiation or xray"))
                .anySatisfy(p -> assertThat(p).startsWith("correlation.lanes[0].parts[2].kind: 'radiation' is listed twice"))
                .anySatisfy(p -> assertThat(p).startsWith("correlation.lanes[0].parts[2].tolerance: must be positive"))
                .anySatisfy(p -> assertThat(p).startsWith("correlation.lanes[0].deadline: PT10S is not after"))
                .anySatisfy(p -> assertThat(p).startsWith("correlation.lanes[1].parts: required"))
                .anySatisfy(p -> assertThat(p).startsWith("correlation.lanes[2].lane: 'lane1' is listed twice"))
                .anySatisfy(p -> assertThat(p).startsWith("correlation.lanes[2].settle: PT10M must be"));
    }

    @Test
    void partDevicesMustBeDevicesOfTheLaneAndTheStateFileDirectoryMustExist() {
        String yaml = LANE1.replace("- {kind: conveyance}", "- {kind: conveyance, devices: [lane1-rpm, lane2-ocr]}")
                .replace("maxOpenPerLane: 32", "maxOpenPerLane: 32\n  stateFile: /nonexistent-dir/state.bin");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml));

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "correlation.stateFile: the directory of /nonexistent-dir/state.bin does not exist (create it, or leave"
                        + " stateFile out to keep the state in the journal directory)",
                "correlation.lanes[0].parts[0].devices: 'lane2-ocr' is not a device of lane 'lane1' (list ids of devices"
                        + " whose lane is lane1)");
    }

    @Test
    void anUnknownKeyInALaneIsNamed() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> loader.parse(LANE1.replace("settle: 5s", "settle: 5s\n      window: 2m")));

        assertThat(e.problems()).singleElement().asString().startsWith("correlation.lanes[0]: unknown key 'window'");
    }
}

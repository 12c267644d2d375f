package io.scangate.simulator.cli;

import io.scangate.simulator.Fault;
import io.scangate.simulator.SimulatorOptions;
import io.scangate.simulator.WireClient;
import io.scangate.simulator.lanerun.LaneRunSettings;
import io.scangate.simulator.replay.DailyFile;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SimCommandTest {

    private static final Path SAMPLE = Path.of("src/main/resources/replay/sample-daily.txt");

    @Test
    void vm250OptionsBecomeSimulatorOptions() {
        CommandLine cli = new CommandLine(new SimCommand());
        CommandLine.ParseResult parsed = cli.parseArgs("vm250", "--lanes", "3", "--port-base", "0", "--seed", "42",
                "--acceleration", "1000", "--max-occupancies", "100", "--fault", "GARBAGE=0.01",
                "--fault", "MISSING_GX=0.5", "--gamma-alarm-probability", "0.1", "--ground-truth", "truth.jsonl");
        Vm250Command vm250 = (Vm250Command) parsed.subcommand().commandSpec().userObject();
        SimulatorOptions options = vm250.toOptions();

        assertThat(options.laneIds()).containsExactly("lane-1", "lane-2", "lane-3");
        assertThat(options.portBase()).isZero();
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.acceleration()).isEqualTo(1000);
        assertThat(options.maxOccupanciesPerLane()).isEqualTo(100);
        assertThat(options.faults().probability(Fault.GARBAGE)).isEqualTo(0.01);
        assertThat(options.faults().probability(Fault.MISSING_GX)).isEqualTo(0.5);
        assertThat(options.scenario().gammaAlarmProbability()).isEqualTo(0.1);
        assertThat(options.groundTruthFile()).isEqualTo(Path.of("truth.jsonl"));
    }

    @Test
    void laneOptionsBecomeLaneRunSettings() {
        CommandLine.ParseResult parsed = new CommandLine(new SimCommand()).parseArgs("lane", "--lane-id", "gate-3",
                "--ocr-url", "http://10.0.0.5:8480/ocr/reads", "--dicom-host", "10.0.0.5", "--calling-ae", "XR7",
                "--vehicles", "500", "--acceleration", "12", "--seed", "9", "--missed-ocr", "0.1",
                "--late-xray", "0.2", "--rows", "128", "--columns", "96", "--truth-log", "vehicles.jsonl");
        LaneRunSettings settings = ((LaneCommand) parsed.subcommand().commandSpec().userObject()).toSettings(11112);

        assertThat(settings.lane()).isEqualTo("gate-3");
        assertThat(settings.ocrWebhook()).hasToString("http://10.0.0.5:8480/ocr/reads");
        assertThat(settings.dicos().host()).isEqualTo("10.0.0.5");
        assertThat(settings.dicos().callingAe()).isEqualTo("XR7");
        assertThat(settings.dicos().rows()).isEqualTo(128);
        assertThat(settings.dicos().columns()).isEqualTo(96);
        assertThat(settings.vehicles()).isEqualTo(500);
        assertThat(settings.acceleration()).isEqualTo(12);
        assertThat(settings.seed()).isEqualTo(9);
        assertThat(settings.traffic().missedOcrRate()).isEqualTo(0.1);
        assertThat(settings.traffic().lateXrayRate()).isEqualTo(0.2);
        assertThat(settings.traffic().wrongCheckDigitRate()).isEqualTo(0.03);
        assertThat(settings.truthLog()).isEqualTo(Path.of("vehicles.jsonl"));
    }

    @Test
    void defaultsFollowThePortConvention() {
        CommandLine.ParseResult parsed = new CommandLine(new SimCommand()).parseArgs("vm250");
        SimulatorOptions options = ((Vm250Command) parsed.subcommand().commandSpec().userObject()).toOptions();
        assertThat(options.portBase()).isEqualTo(1600);
        assertThat(options.acceleration()).isEqualTo(1);
        assertThat(options.maxOccupanciesPerLane()).isZero();
    }

    @Test
    void replayRunsUntilTheFileIsSent() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SimCommand()).setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                cli.execute("replay", SAMPLE.toString(), "--port", "0", "--acceleration", "5000"));
        Pattern listening = Pattern.compile("lane=lane-1 listening=127\\.0\\.0\\.1:(\\d+)");
        await().atMost(Duration.ofSeconds(20)).until(() -> listening.matcher(out.toString()).find());
        Matcher port = listening.matcher(out.toString());
        assertThat(port.find()).isTrue();
        int lines = DailyFile.read(SAMPLE).lines().size();
        try (WireClient client = new WireClient(Integer.parseInt(port.group(1)))) {
            client.readUntil(read -> read.size() == lines);
        }
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("occupancies=");
    }

    @Test
    void simWithoutDeviceIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new SimCommand()).setErr(new PrintWriter(err, true)).execute();
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("vm250", "replay");
    }
}

package io.scangate.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo as a user runs it for a few seconds: every part starts, the correlated lane prints inspections. */
class DemoCommandTest {

    @Test
    void aShortDemoPrintsOccupanciesAndInspectionsOfTheCorrelatedLane(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new DemoCommand()).execute("--duration", "12", "--broker-port", "0",
                    "--work-dir", dir.toString());
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.println(out);

        assertThat(exit).isZero();
        assertThat(out).contains("scangate demo ready in", "lane-1   correlated: OCR portal",
                "lane-1/inspection          INSPECTION plate=",
                "demo summary:", "lane-1 lane run:", "occupanciesLost=0");
        assertThat(out.lines()).as("an occupancy of a Poisson lane or a portal")
                .anyMatch(l -> l.matches(".* lane-[23ms]/[a-z0-9-]+ +OCCUPANCY #.*"));
        assertThat(out.lines().filter(l -> l.contains("INSPECTION")))
                .allMatch(l -> l.endsWith("complete") || l.contains("INCOMPLETE, missing "));
        assertThat(Files.readAllLines(dir.resolve("vehicles.jsonl"))).isNotEmpty();
    }
}

package io.scangate.simulator.vehicle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the ground truth of a vehicle lane as JSON lines, one vehicle a line, for checking a run afterwards. */
public final class VehicleTruthLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VehicleTruthLog() {
    }

    public static void write(Path file, List<VehiclePassage> vehicles) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (VehiclePassage v : vehicles) {
                out.write(line(v.truth()));
                out.write('\n');
            }
        }
    }

    /** One vehicle's line, without its line feed. */
    public static String line(VehicleTruth truth) throws IOException {
        return JSON.writeValueAsString(truth);
    }

    public static VehicleTruth parse(String line) throws IOException {
        return JSON.readValue(line, VehicleTruth.class);
    }
}

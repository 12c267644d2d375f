package io.scangate.simulator.vm250;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the shared VM-250 golden vectors (drivers/vm250/src/test/resources/golden, README there). */
final class GoldenVectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenVectors() {
    }

    static Path folder() {
        String root = System.getProperty("scangate.repo.root");
        Path repo = root == null || root.isBlank() ? Path.of("..") : Path.of(root);
        Path folder = repo.resolve("drivers/vm250/src/test/resources/golden");
        if (!Files.isDirectory(folder)) {
            folder = Path.of("..").resolve("drivers/vm250/src/test/resources/golden");
        }
        return folder.toAbsolutePath().normalize();
    }

    /** Every case name that has both a .lines and a .records.jsonl file. */
    static List<String> caseNames() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".lines"))
                    .map(name -> name.substring(0, name.length() - ".lines".length()))
                    .filter(name -> Files.exists(folder().resolve(name + ".records.jsonl")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] lines(String caseName) throws IOException {
        return Files.readAllBytes(folder().resolve(caseName + ".lines"));
    }

    static List<Vm250Record> records(String caseName) throws IOException {
        List<Vm250Record> records = new ArrayList<>();
        for (String line : Files.readAllLines(folder().resolve(caseName + ".records.jsonl"))) {
            if (!line.isBlank()) {
                records.add(toRecord(JSON.readTree(line)));
            }
        }
        return records;
    }

    static Vm250Record toRecord(JsonNode node) {
        String tag = node.get("tag").asText();
        if (node.has("raw")) {
            return new Vm250Record.Raw(node.get("raw").asText());
        }
        if (node.has("counts")) {
            List<Integer> counts = new ArrayList<>();
            node.get("counts").forEach(value -> counts.add(value.isNull() ? null : value.intValue()));
            return new Vm250Record.Counts(tag, counts);
        }
        if (node.has("fields")) {
            List<String> fields = new ArrayList<>();
            node.get("fields").forEach(value -> fields.add(value.asText()));
            return new Vm250Record.Setup(tag, fields);
        }
        return switch (tag) {
            case "SP" -> new Vm250Record.Speed(decimal(node, "secondsPerFoot"), decimal(node, "mph"),
                    decimal(node, "kmh"), integer(node, "spare"));
            case "GX" -> new Vm250Record.OccupancyEnd(integer(node, "occupancyCounter"),
                    integer(node, "neutronBackgroundX1000"), integer(node, "field3"), integer(node, "field4"));
            case "TT", "TC" -> new Vm250Record.Tamper(tag);
            default -> throw new IllegalArgumentException("golden record not understood: " + node);
        };
    }

    private static Double decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.doubleValue();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.intValue();
    }
}

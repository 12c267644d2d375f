package io.scangate.driver.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.scangate.driver.testkit.CanonicalJson;
import io.scangate.driver.testkit.RecordingDeviceContext.DecodeError;
import io.scangate.driver.testkit.RecordingDeviceContext.Emitted;
import io.scangate.driver.testkit.RecordingDeviceContext.Event;
import io.scangate.proto.v1.DeviceRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden vectors: {@code golden/NAME.json} (a webhook body) or {@code NAME.line} (a TCP line), and
 * {@code NAME.expected.json}, the events the driver must give, in order: an emitted envelope as protobuf's
 * JSON (what the driver sets; the host stamps the rest), a decode error as {@code {"decodeError": reason}}.
 */
final class Golden {

    static final ObjectMapper JSON = new ObjectMapper();
    static final DeviceRef DEVICE = DeviceRef.newBuilder().setDeviceId("ocr-gate3").setDriver("ocr").setLane("lane-3").build();

    private Golden() {
    }

    static Path directory() {
        try {
            return Path.of(Golden.class.getResource("/golden").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> cases(String extension) throws IOException {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
        }
    }

    static String name(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    static Path expectedFile(Path input) {
        String file = input.getFileName().toString();
        return input.resolveSibling(file.substring(0, file.lastIndexOf('.')) + (file.endsWith(".line") ? ".line" : "")
                + ".expected.json");
    }

    static List<String> expected(Path input) throws IOException {
        List<String> expected = new ArrayList<>();
        for (JsonNode event : JSON.readTree(expectedFile(input).toFile())) {
            expected.add(CanonicalJson.of(event));
        }
        return expected;
    }

    static String event(Event event) {
        try {
            if (event instanceof Emitted emitted) {
                return CanonicalJson.of(JSON.readTree(JsonFormat.printer().print(emitted.message())));
            }
            if (event instanceof DecodeError error) {
                return CanonicalJson.of(JSON.createObjectNode().put("decodeError", error.reason()));
            }
            return CanonicalJson.of(JSON.createObjectNode().put("other", event.toString()));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

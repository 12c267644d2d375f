package io.scangate.driver.ocr;

import static io.scangate.driver.ocr.ReadRules.invalid;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the webhook body ({@code docs/ocr-webhook.schema.json}) by hand: the rules are few, and a schema
 * library would add a dependency for less precise messages. Unknown members are ignored, so that a portal
 * sending more than the schema names still gets through.
 */
final class JsonReads {

    static final String INVALID_JSON = "invalid_json";

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
            .build());

    private JsonReads() {
    }

    static OcrRead parse(byte[] body) throws InvalidReadException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidReadException(INVALID_JSON, "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidReadException(INVALID_JSON, "not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidReadException(INVALID_JSON, "the body must be one JSON object");
        }
        return new OcrRead(
                ReadRules.required("readId", text(root, "", "readId"), ReadRules.MAX_ID),
                ReadRules.required("lane", text(root, "", "lane"), ReadRules.MAX_LANE),
                ReadRules.time("time", text(root, "", "time")),
                containers(root),
                plate(root),
                images(root),
                ReadRules.optional("railCar", text(root, "", "railCar"), ReadRules.MAX_SHORT_TEXT));
    }

    private static List<OcrRead.Container> containers(JsonNode root) throws InvalidReadException {
        List<OcrRead.Container> containers = new ArrayList<>();
        for (JsonNode item : array(root, "containers", ReadRules.MAX_CONTAINERS)) {
            String at = "containers[" + containers.size() + "]";
            requireObject(at, item);
            containers.add(new OcrRead.Container(
                    ReadRules.required(at + ".code", text(item, at, "code"), ReadRules.MAX_SHORT_TEXT),
                    ReadRules.optional(at + ".position", text(item, at, "position"), ReadRules.MAX_SHORT_TEXT),
                    ReadRules.confidence(at + ".confidence", number(item, "confidence", at))));
        }
        return containers;
    }

    private static OcrRead.Plate plate(JsonNode root) throws InvalidReadException {
        JsonNode plate = root.get("plate");
        if (plate == null || plate.isNull()) {
            return null;
        }
        requireObject("plate", plate);
        return new OcrRead.Plate(
                ReadRules.required("plate.text", text(plate, "plate", "text"), ReadRules.MAX_SHORT_TEXT),
                ReadRules.confidence("plate.confidence", number(plate, "confidence", "plate")),
                ReadRules.optional("plate.country", text(plate, "plate", "country"), 8));
    }

    private static List<OcrRead.Image> images(JsonNode root) throws InvalidReadException {
        List<OcrRead.Image> images = new ArrayList<>();
        for (JsonNode item : array(root, "images", ReadRules.MAX_IMAGES)) {
            String at = "images[" + images.size() + "]";
            requireObject(at, item);
            images.add(new OcrRead.Image(
                    ReadRules.required(at + ".url", text(item, at, "url"), ReadRules.MAX_URL),
                    ReadRules.optional(at + ".kind", text(item, at, "kind"), ReadRules.MAX_SHORT_TEXT)));
        }
        return images;
    }

    private static JsonNode array(JsonNode root, String field, int maxItems) throws InvalidReadException {
        JsonNode array = root.get(field);
        if (array == null || array.isNull()) {
            return JSON.createArrayNode();
        }
        if (!array.isArray()) {
            throw invalid(field + ": must be an array");
        }
        if (array.size() > maxItems) {
            throw invalid(field + ": at most " + maxItems + " items, got " + array.size());
        }
        return array;
    }

    private static void requireObject(String at, JsonNode node) throws InvalidReadException {
        if (!node.isObject()) {
            throw invalid(at + ": must be an object");
        }
    }

    /** Null when absent or null; a number or a boolean where a string belongs is a mistake, not a string. */
    private static String text(JsonNode node, String at, String field) throws InvalidReadException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid((at.isEmpty() ? "" : at + ".") + field + ": must be a string");
        }
        return value.textValue();
    }

    private static double number(JsonNode node, String field, String at) throws InvalidReadException {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw invalid(at + "." + field + ": required, a number from 0 to 1");
        }
        return value.doubleValue();
    }
}

package io.scangate.driver.ocr;

import static io.scangate.driver.ocr.ReadRules.invalid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One read per line on TCP ({@code docs/ocr.md}): {@code key=value} fields separated by {@code ;}, e.g.
 * {@code readId=r-1;lane=lane-3;time=2026-11-26T08:00:00Z;container=CSQU3054383,FRONT,0.97;plate=AB123CD,0.91,NL}.
 * {@code container} and {@code image} repeat; unknown keys are ignored, as unknown JSON members are.
 */
final class LineReads {

    private static final Set<String> SINGLE = Set.of("readId", "lane", "time", "plate", "railCar");

    private LineReads() {
    }

    static OcrRead parse(String line) throws InvalidReadException {
        Map<String, String> single = new HashMap<>();
        List<String> containerFields = new ArrayList<>();
        List<String> imageFields = new ArrayList<>();
        for (String field : line.split(";", -1)) {
            if (field.isBlank()) {
                continue;
            }
            int equals = field.indexOf('=');
            if (equals <= 0) {
                throw invalid("field '" + abbreviate(field) + "': expected key=value");
            }
            String key = field.substring(0, equals).strip();
            String value = field.substring(equals + 1);
            if (key.equals("container")) {
                containerFields.add(value);
            } else if (key.equals("image")) {
                imageFields.add(value);
            } else if (SINGLE.contains(key) && single.put(key, value) != null) {
                throw invalid(key + ": given twice");
            }
        }
        if (containerFields.size() > ReadRules.MAX_CONTAINERS) {
            throw invalid("container: at most " + ReadRules.MAX_CONTAINERS + " per read, got " + containerFields.size());
        }
        if (imageFields.size() > ReadRules.MAX_IMAGES) {
            throw invalid("image: at most " + ReadRules.MAX_IMAGES + " per read, got " + imageFields.size());
        }
        List<OcrRead.Container> containers = new ArrayList<>();
        for (String value : containerFields) {
            containers.add(container("container[" + containers.size() + "]", value));
        }
        List<OcrRead.Image> images = new ArrayList<>();
        for (String value : imageFields) {
            images.add(image("image[" + images.size() + "]", value));
        }
        return new OcrRead(
                ReadRules.required("readId", single.get("readId"), ReadRules.MAX_ID),
                ReadRules.required("lane", single.get("lane"), ReadRules.MAX_LANE),
                ReadRules.time("time", single.get("time")),
                containers,
                single.containsKey("plate") ? plate(single.get("plate")) : null,
                images,
                ReadRules.optional("railCar", single.get("railCar"), ReadRules.MAX_SHORT_TEXT));
    }

    /** {@code code,position,confidence}; the position may be empty. */
    private static OcrRead.Container container(String at, String value) throws InvalidReadException {
        String[] parts = value.split(",", -1);
        if (parts.length != 3) {
            throw invalid(at + ": expected code,position,confidence, got '" + abbreviate(value) + "'");
        }
        return new OcrRead.Container(
                ReadRules.required(at + ".code", parts[0], ReadRules.MAX_SHORT_TEXT),
                ReadRules.optional(at + ".position", parts[1], ReadRules.MAX_SHORT_TEXT),
                ReadRules.confidence(at + ".confidence", number(at + ".confidence", parts[2])));
    }

    /** {@code text,confidence[,country]}. */
    private static OcrRead.Plate plate(String value) throws InvalidReadException {
        String[] parts = value.split(",", -1);
        if (parts.length != 2 && parts.length != 3) {
            throw invalid("plate: expected text,confidence[,country], got '" + abbreviate(value) + "'");
        }
        return new OcrRead.Plate(
                ReadRules.required("plate.text", parts[0], ReadRules.MAX_SHORT_TEXT),
                ReadRules.confidence("plate.confidence", number("plate.confidence", parts[1])),
                ReadRules.optional("plate.country", parts.length == 3 ? parts[2] : null, 8));
    }

    /** {@code kind,url}: the URL is the rest of the value and may hold commas (not semicolons). */
    private static OcrRead.Image image(String at, String value) throws InvalidReadException {
        int comma = value.indexOf(',');
        if (comma < 0) {
            throw invalid(at + ": expected kind,url, got '" + abbreviate(value) + "'");
        }
        return new OcrRead.Image(
                ReadRules.required(at + ".url", value.substring(comma + 1), ReadRules.MAX_URL),
                ReadRules.optional(at + ".kind", value.substring(0, comma), ReadRules.MAX_SHORT_TEXT));
    }

    private static double number(String at, String text) throws InvalidReadException {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(at + ": a number from 0 to 1, got '" + abbreviate(text) + "'");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}

package io.scangate.driver.ocr;

import java.time.Instant;
import java.util.List;

/**
 * One read of a portal as either framing delivers it, already checked against the documented rules
 * ({@code docs/ocr-webhook.schema.json}, {@code docs/ocr.md}).
 *
 * @param plate null when the portal read no plate
 * @param railCar empty when not a rail portal
 */
record OcrRead(String readId, String lane, Instant time, List<Container> containers, Plate plate,
               List<Image> images, String railCar) {

    record Container(String code, String position, double confidence) {
    }

    record Plate(String text, double confidence, String country) {
    }

    record Image(String url, String kind) {
    }
}

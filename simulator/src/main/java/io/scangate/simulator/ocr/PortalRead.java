package io.scangate.simulator.ocr;

import java.time.Instant;
import java.util.List;

/**
 * One read exactly as the portal sends it (docs/ocr.md): what the OCR engine believes, faults included.
 *
 * @param plate null when no plate was read
 */
public record PortalRead(String readId, String lane, Instant time, List<Container> containers, Plate plate,
                         List<Image> images) {

    public PortalRead {
        containers = List.copyOf(containers);
        images = List.copyOf(images);
    }

    /** @param confidence 0 to 1, two decimals */
    public record Container(String code, String position, double confidence) {
    }

    public record Plate(String text, double confidence, String country) {
    }

    public record Image(String kind, String url) {
    }
}

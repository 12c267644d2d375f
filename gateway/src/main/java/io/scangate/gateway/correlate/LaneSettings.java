package io.scangate.gateway.correlate;

import io.scangate.proto.v1.InspectionPart;
import java.time.Duration;
import java.util.List;

/**
 * How one lane is correlated.
 *
 * @param lane the lane id the devices carry
 * @param parts the expected parts in passage order
 * @param deadline from opening a vehicle (its first part) to closing it incomplete
 * @param settle once every part is in (or a late part came), how long to wait for more images of the same study
 * @param maxOpen vehicles held open at once; one more closes the oldest as incomplete (evicted)
 * @param maxRecent published inspections kept for amendments
 * @param amendFor how long after publication a late part still amends
 */
public record LaneSettings(String lane, List<ExpectedPart> parts, Duration deadline, Duration settle, int maxOpen,
                           int maxRecent, Duration amendFor) {

    public LaneSettings {
        parts = List.copyOf(parts);
    }

    public int indexOf(InspectionPart part) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).part() == part) {
                return i;
            }
        }
        return -1;
    }

    /** The config file's names of the parts. */
    public static InspectionPart parsePart(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "conveyance" -> InspectionPart.INSPECTION_PART_CONVEYANCE;
            case "radiation" -> InspectionPart.INSPECTION_PART_RADIATION;
            case "xray" -> InspectionPart.INSPECTION_PART_XRAY;
            default -> null;
        };
    }

    public static String partName(InspectionPart part) {
        return switch (part) {
            case INSPECTION_PART_CONVEYANCE -> "conveyance";
            case INSPECTION_PART_RADIATION -> "radiation";
            case INSPECTION_PART_XRAY -> "xray";
            default -> "unknown";
        };
    }
}

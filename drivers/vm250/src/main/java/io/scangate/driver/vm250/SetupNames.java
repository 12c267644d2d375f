package io.scangate.driver.vm250;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of the set-up values in SG1 SG2 SG3 SN1 SN2, in the device's own terms (DESIGN 4.1). Fields past
 * the named ones are called {@code field<position>}, counting from 1 after the tag.
 */
final class SetupNames {

    /** Position (from 0) of NSigma in SG1. */
    static final int SG1_NSIGMA = 4;

    private static final Map<String, List<String>> NAMES = Map.of(
            "SG1", List.of("GammaBkgHighFault", "GammaBkgLowFault", "Intervals", "OccupancyHoldin", "NSigma"),
            "SG2", List.of("DetectorsOnLine", "MasterLLD", "MasterULD", "RelayOutput", "Algorithm", "Version"),
            "SG3", List.of("SlaveLLD", "SlaveULD", "BackgroundTime", "BackgroundNSigma", "Firmware"),
            "SN1", List.of("NeutronBkgHighFault", "MaxIntervals", "Alpha", "ZMax", "SequentialIntervals",
                    "NeutronBkgTime"),
            // DESIGN names SN2 only "neutron LLD/ULD values"; the pairs follow SG2/SG3's master/slave order.
            "SN2", List.of("MasterNeutronLLD", "MasterNeutronULD", "SlaveNeutronLLD", "SlaveNeutronULD"));

    private SetupNames() {
    }

    /** Named values, in field order, raw text preserved. */
    static Map<String, String> values(String tag, List<String> fields) {
        List<String> names = NAMES.getOrDefault(tag, List.of());
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = i < names.size() ? names.get(i) : "field" + (i + 1);
            values.put(name, fields.get(i));
        }
        return values;
    }
}

package io.scangate.driver.dicos;

import java.util.LinkedHashMap;
import java.util.Map;

/** The UIDs this SCP negotiates (DESIGN 4.4, DICOM PS3.6) and its own implementation identity. */
final class Uids {

    static final String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
    static final String VERIFICATION = "1.2.840.10008.1.1";
    static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    static final String DICOS_CT = "1.2.840.10008.5.1.4.1.1.501.1";
    static final String DICOS_DX_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.501.2.1";
    static final String DICOS_DX_FOR_PROCESSING = "1.2.840.10008.5.1.4.1.1.501.2.2";
    static final String DICOS_TDR = "1.2.840.10008.5.1.4.1.1.501.3";
    static final String DX_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.1";
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

    /** Storage SOP classes accepted, with a short name for logs and the {@code SopClass} attribute. */
    static final Map<String, String> STORAGE = storage();

    /**
     * Made from a random UUID under the 2.25 arc (PS3.5 B.2), so it needs no registered organisation root.
     * It names scangate's implementation in A-ASSOCIATE-AC and in the file meta of every stored blob.
     */
    static final String IMPLEMENTATION_CLASS_UID = "2.25.122319362668701276419157319249507017209";
    static final String IMPLEMENTATION_VERSION_NAME = "SCANGATE_0_1";

    private Uids() {
    }

    static boolean acceptedAbstractSyntax(String uid) {
        return VERIFICATION.equals(uid) || STORAGE.containsKey(uid);
    }

    static boolean acceptedTransferSyntax(String uid) {
        return IMPLICIT_VR_LITTLE_ENDIAN.equals(uid) || EXPLICIT_VR_LITTLE_ENDIAN.equals(uid);
    }

    private static Map<String, String> storage() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(DICOS_CT, "DICOS CT");
        names.put(DICOS_DX_FOR_PRESENTATION, "DICOS DX for presentation");
        names.put(DICOS_DX_FOR_PROCESSING, "DICOS DX for processing");
        names.put(DICOS_TDR, "DICOS TDR");
        names.put(DX_FOR_PRESENTATION, "DX for presentation");
        names.put(CT, "CT");
        names.put(SECONDARY_CAPTURE, "Secondary Capture");
        return Map.copyOf(names);
    }
}

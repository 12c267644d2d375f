package io.scangate.simulator.dicos;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The UIDs this SCU uses (PS3.6 annex A), and deterministic instance UIDs under the UUID root (PS3.5 B.2). */
public final class DicomUids {

    public static final String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
    public static final String VERIFICATION = "1.2.840.10008.1.1";
    public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    public static final String DICOS_CT = "1.2.840.10008.5.1.4.1.1.501.1";
    public static final String DICOS_DX_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.501.2.1";
    public static final String DICOS_THREAT_DETECTION_REPORT = "1.2.840.10008.5.1.4.1.1.501.3";
    public static final String DX_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.1";
    public static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    /** This simulator's implementation class UID (PS3.7 D.3.3.2), derived from a fixed UUID. */
    public static final String IMPLEMENTATION_CLASS = fromUuid(UUID.nameUUIDFromBytes(
            "io.scangate.simulator.dicos".getBytes(StandardCharsets.US_ASCII)));
    public static final String IMPLEMENTATION_VERSION = "SCANGATE_SIM_1";

    private DicomUids() {
    }

    /** A UID that depends only on its inputs, so that a seed reproduces a whole session. */
    public static String derived(long seed, String what, long index) {
        byte[] name = (seed + "/" + what + "/" + index).getBytes(StandardCharsets.US_ASCII);
        return fromUuid(UUID.nameUUIDFromBytes(name));
    }

    private static String fromUuid(UUID uuid) {
        byte[] bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
        return "2.25." + new BigInteger(1, bytes);
    }
}

package io.scangate.driver.dicos;

/** DIMSE status codes this SCP answers with (PS3.7 C, PS3.4 B.2.3). */
final class Status {

    static final int SUCCESS = 0x0000;
    /** Refused: out of resources. The scanner keeps the image and retries later. */
    static final int OUT_OF_RESOURCES = 0xA700;
    /** Error: data set does not match SOP class. */
    static final int DATASET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    /** Error: cannot understand. */
    static final int CANNOT_UNDERSTAND = 0xC000;
    /** The SOP class of the command is not the one of its presentation context. */
    static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
    static final int UNRECOGNIZED_OPERATION = 0x0211;

    private Status() {
    }

    static String hex(int status) {
        return String.format("0x%04X", status);
    }
}

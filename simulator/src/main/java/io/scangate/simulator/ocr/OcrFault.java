package io.scangate.simulator.ocr;

/** What can go wrong between a box passing the portal and the read the portal sends. */
public enum OcrFault {
    /** The portal saw the vehicle but read nothing of one container: it is left out of the read. */
    MISSED_CONTAINER,
    /** The check digit was misread as another digit. */
    WRONG_CHECK_DIGIT,
    /** One character was read as its look-alike of the other class (O/0, I/1, B/8, S/5, Z/2). */
    LOOK_ALIKE,
    /** The engine is unsure: confidence between 0.30 and 0.60. */
    LOW_CONFIDENCE,
    /** The plate was not read (dirty, missing, foreign format). */
    NO_PLATE,
    /** The portal missed the whole vehicle and sends nothing. */
    MISSED_VEHICLE
}

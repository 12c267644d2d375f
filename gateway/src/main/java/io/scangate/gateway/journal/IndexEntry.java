package io.scangate.gateway.journal;

/**
 * Where a journalled record lives: its segment is the one with the greatest first id not above {@code id}.
 *
 * @param offset offset of the record's prefix in its segment file
 * @param payloadLength payload bytes
 */
record IndexEntry(long id, Lane lane, int offset, int payloadLength) {

    int recordBytes() {
        return RecordFormat.RECORD_OVERHEAD + payloadLength;
    }
}

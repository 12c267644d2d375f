package io.scangate.gateway.publish;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.WireFormat;
import io.scangate.proto.v1.Envelope;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * What the publisher needs from a journalled envelope, read without parsing its body: the body (a scan
 * with spectra, say) is most of the bytes and was checksummed by the journal, so the publisher only skips
 * over it. The device reference stays in its encoded form, which is what the topic cache is keyed on.
 *
 * @param receiveTime null when the envelope has none
 * @param device the encoded {@code DeviceRef}, empty when absent
 */
record EnvelopeHeader(String eventId, long bootEpoch, long sequence, Instant receiveTime, ByteString device,
                      Envelope.BodyCase body) {

    static EnvelopeHeader read(byte[] payload) throws InvalidProtocolBufferException {
        CodedInputStream in = CodedInputStream.newInstance(payload);
        String eventId = "";
        long bootEpoch = 0;
        long sequence = 0;
        Instant receiveTime = null;
        ByteString device = ByteString.EMPTY;
        Envelope.BodyCase body = Envelope.BodyCase.BODY_NOT_SET;
        try {
            int tag;
            while ((tag = in.readTag()) != 0) {
                int field = WireFormat.getTagFieldNumber(tag);
                boolean delimited = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
                boolean varint = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT;
                if (field == Envelope.EVENT_ID_FIELD_NUMBER && delimited) {
                    eventId = in.readStringRequireUtf8();
                } else if (field == Envelope.BOOT_EPOCH_FIELD_NUMBER && varint) {
                    bootEpoch = in.readUInt64();
                } else if (field == Envelope.SEQUENCE_FIELD_NUMBER && varint) {
                    sequence = in.readUInt64();
                } else if (field == Envelope.RECEIVE_TIME_FIELD_NUMBER && delimited) {
                    receiveTime = timestamp(in.readBytes());
                } else if (field == Envelope.DEVICE_FIELD_NUMBER && delimited) {
                    device = in.readBytes();
                } else {
                    Envelope.BodyCase candidate = Envelope.BodyCase.forNumber(field);
                    if (candidate != null && candidate != Envelope.BodyCase.BODY_NOT_SET && delimited) {
                        body = candidate;
                    }
                    in.skipField(tag);
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidProtocolBufferException(e);
        }
        return new EnvelopeHeader(eventId, bootEpoch, sequence, receiveTime, device, body);
    }

    private static Instant timestamp(ByteString encoded) throws InvalidProtocolBufferException {
        Timestamp time = Timestamp.parseFrom(encoded);
        try {
            return Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }
}

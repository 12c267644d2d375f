package io.scangate.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.scangate.gateway.testing.Envelopes;
import io.scangate.proto.v1.DeviceState;
import io.scangate.proto.v1.Envelope;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeHeaderTest {

    @Test
    void readsTheSameHeaderAsAFullParseForEveryKindOfBody() throws Exception {
        List<Envelope> envelopes = List.of(
                Envelopes.radiationScan("lane1", "lane1-rpm", true),
                Envelopes.measurement("lane1", "lane1-rpm"),
                Envelopes.setup("lane2", "lane2-rpm"),
                Envelopes.status("lane2", "lane2-rpm", DeviceState.DEVICE_STATE_TAMPER),
                Envelopes.raw("lane3", "lane3-rpm"),
                Envelopes.xrayScan("lane3", "lane3-xray"),
                Envelopes.conveyance("lane3", "lane3-ocr"));
        for (Envelope envelope : envelopes) {
            EnvelopeHeader header = EnvelopeHeader.read(envelope.toByteArray());

            assertThat(header.eventId()).isEqualTo(envelope.getEventId()).isNotEmpty();
            assertThat(header.bootEpoch()).isEqualTo(envelope.getBootEpoch());
            assertThat(header.sequence()).isEqualTo(envelope.getSequence()).isPositive();
            assertThat(header.body()).isEqualTo(envelope.getBodyCase());
            assertThat(header.device()).isEqualTo(envelope.getDevice().toByteString());
            assertThat(header.receiveTime()).isEqualTo(Instant.ofEpochSecond(
                    envelope.getReceiveTime().getSeconds(), envelope.getReceiveTime().getNanos()));
        }
    }

    @Test
    void toleratesFieldsItDoesNotKnowAndReportsAnEnvelopeWithoutBody() throws Exception {
        Envelope withUnknown = Envelopes.measurement("lane1", "rpm").toBuilder()
                .setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(9, UnknownFieldSet.Field.newBuilder().addVarint(42).build())
                        .addField(99, UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(ByteString.copyFromUtf8("a body from a newer version")).build())
                        .build())
                .build();
        EnvelopeHeader header = EnvelopeHeader.read(withUnknown.toByteArray());
        assertThat(header.body()).isEqualTo(Envelope.BodyCase.RADIATION_MEASUREMENT);
        assertThat(header.eventId()).isEqualTo(withUnknown.getEventId());

        Envelope bodyless = withUnknown.toBuilder().clearBody().setUnknownFields(UnknownFieldSet.getDefaultInstance()).build();
        EnvelopeHeader none = EnvelopeHeader.read(bodyless.toByteArray());
        assertThat(none.body()).isEqualTo(Envelope.BodyCase.BODY_NOT_SET);
        assertThat(none.receiveTime()).isNotNull();

        assertThat(EnvelopeHeader.read(new byte[0]))
                .isEqualTo(new EnvelopeHeader("", 0, 0, null, ByteString.EMPTY, Envelope.BodyCase.BODY_NOT_SET));
    }

    @Test
    void refusesBytesThatAreNotAnEnvelope() {
        byte[] whole = Envelopes.radiationScan("lane1", "rpm", false).toByteArray();
        byte[] cut = Arrays.copyOf(whole, whole.length - 3);
        assertThatThrownBy(() -> EnvelopeHeader.read(cut)).isInstanceOf(InvalidProtocolBufferException.class);
        byte[] text = "GB,000383,000389,000432,000423\r\n".getBytes();
        assertThatThrownBy(() -> EnvelopeHeader.read(text)).isInstanceOf(InvalidProtocolBufferException.class);
    }
}

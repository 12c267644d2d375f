package io.scangate.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scangate.gateway.testing.Envelopes;
import io.scangate.proto.v1.DeviceRef;
import io.scangate.proto.v1.DeviceState;
import io.scangate.proto.v1.Envelope;
import org.junit.jupiter.api.Test;

class TopicSchemeTest {

    private final TopicScheme topics = new TopicScheme("rotterdam", "gw-1");

    @Test
    void deviceTopicUsesSiteLaneDeviceAndKind() {
        assertThat(topics.topicFor(Envelopes.radiationScan("lane3", "lane3-rpm", true)))
                .isEqualTo("scangate/v1/test-port/lane3/lane3-rpm/radiation");
    }

    @Test
    void missingSiteLaneAndDeviceFallBack() {
        Envelope bare = Envelopes.raw("x", "y").toBuilder().setDevice(DeviceRef.getDefaultInstance()).build();
        assertThat(topics.topicFor(bare)).isEqualTo("scangate/v1/rotterdam/-/-/raw");
    }

    @Test
    void wildcardsAndSeparatorsNeverReachTheTopic() {
        assertThat(TopicScheme.sanitise("a/b+c#d\u0000e")).isEqualTo("a_b_c_d_e");
        assertThat(TopicScheme.sanitise("")).isEqualTo("-");
        assertThat(TopicScheme.sanitise(null)).isEqualTo("-");
    }

    @Test
    void aLaneNamedGatewayCannotShadowTheGatewayStatus() {
        assertThat(topics.topicFor(Envelopes.status("gateway", "gw-1", DeviceState.DEVICE_STATE_UP)))
                .isEqualTo("scangate/v1/test-port/_gateway/gw-1/status");
    }

    @Test
    void gatewayStatusTopic() {
        assertThat(topics.gatewayStatusTopic()).isEqualTo("scangate/v1/rotterdam/gateway/gw-1/status");
    }

    @Test
    void everyBodyHasAKindAndATypeName() {
        for (Envelope.BodyCase body : Envelope.BodyCase.values()) {
            if (body == Envelope.BodyCase.BODY_NOT_SET) {
                assertThatThrownBy(() -> TopicScheme.kind(body)).isInstanceOf(IllegalArgumentException.class);
            } else {
                assertThat(TopicScheme.kind(body)).matches("[a-z]+(-[a-z]+)*");
            }
        }
        assertThat(TopicScheme.typeName(Envelopes.conveyance("l", "d"))).isEqualTo("scangate.v1.ConveyanceId");
        assertThat(TopicScheme.typeName(Envelopes.xrayScan("l", "d"))).isEqualTo("scangate.v1.XrayScan");
    }
}

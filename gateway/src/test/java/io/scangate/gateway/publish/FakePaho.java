package io.scangate.gateway.publish;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Mocked Paho clients for the seams a real broker cannot provoke on demand: Paho's own slot accounting
 * (32202 while its slot is still held after our completion callback), PUBACK error codes, a lost
 * connection at a chosen moment. The test decides when each publish completes.
 */
final class FakePaho implements MqttPublisher.ClientFactory {

    /** One device publish waiting for its completion. */
    record Pending(String topic, MqttMessage message, MqttActionListener listener, int client) {
    }

    final List<Pending> pending = new CopyOnWriteArrayList<>();
    final List<Pending> published = new CopyOnWriteArrayList<>();
    final List<MqttCallback> callbacks = new CopyOnWriteArrayList<>();
    /** Paho's own in-flight count: freed by {@link #freeSlot()}, after the completion callback. */
    final AtomicInteger slotsInUse = new AtomicInteger();
    final AtomicInteger clients = new AtomicInteger();
    private final int receiveMaximum;
    private final long maximumPacketSize;

    FakePaho(int receiveMaximum) {
        this(receiveMaximum, 0);
    }

    /** @param maximumPacketSize announced in the CONNACK; 0 announces none */
    FakePaho(int receiveMaximum, long maximumPacketSize) {
        this.receiveMaximum = receiveMaximum;
        this.maximumPacketSize = maximumPacketSize;
    }

    @Override
    public MqttAsyncClient create(String serverUri, String clientId) throws MqttException {
        int clientNumber = clients.incrementAndGet();
        MqttAsyncClient client = mock(MqttAsyncClient.class);
        IMqttToken done = mock(IMqttToken.class);
        doAnswer(call -> callbacks.add(call.getArgument(0))).when(client).setCallback(any());
        when(client.connect(any(MqttConnectionOptions.class), any(), any())).thenAnswer(call -> {
            IMqttToken connack = mock(IMqttToken.class);
            MqttProperties properties = new MqttProperties();
            properties.setReceiveMaximum(receiveMaximum);
            if (maximumPacketSize > 0) {
                properties.setMaximumPacketSize(maximumPacketSize);
            }
            when(connack.getResponseProperties()).thenReturn(properties);
            call.<MqttActionListener>getArgument(2).onSuccess(connack);
            return connack;
        });
        when(client.publish(anyString(), any(MqttMessage.class), any(), any())).thenAnswer(call -> {
            String topic = call.getArgument(0);
            if (topic.contains("/gateway/")) {
                return done;
            }
            if (slotsInUse.get() >= receiveMaximum) {
                throw new MqttException(MqttClientException.REASON_CODE_MAX_INFLIGHT);
            }
            slotsInUse.incrementAndGet();
            Pending publish = new Pending(topic, call.getArgument(1), call.getArgument(3), clientNumber);
            pending.add(publish);
            published.add(publish);
            return done;
        });
        when(client.publish(anyString(), any(MqttMessage.class))).thenReturn(done);
        when(client.disconnect(anyLong())).thenReturn(done);
        return client;
    }

    /** Completes the oldest pending publish with a PUBACK carrying {@code reasonCode}; Paho's slot stays held. */
    void acknowledgeOldest(int reasonCode) {
        Pending oldest = pending.remove(0);
        IMqttToken puback = mock(IMqttToken.class);
        when(puback.getReasonCodes()).thenReturn(new int[] {reasonCode});
        oldest.listener().onSuccess(puback);
    }

    /** Paho decrements its in-flight count after the completion callback returned. */
    void freeSlot() {
        slotsInUse.decrementAndGet();
    }

    /** Paho reports the connection lost; its pending publishes will never complete. */
    void loseConnection() {
        pending.clear();
        slotsInUse.set(0);
        callbacks.get(callbacks.size() - 1).disconnected(new org.eclipse.paho.mqttv5.client.MqttDisconnectResponse(
                new MqttException(MqttClientException.REASON_CODE_CONNECTION_LOST)));
    }
}

package io.scangate.gateway.tail;

import java.io.PrintWriter;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * What a consumer command does with its connection besides handling messages: report losses on stderr and
 * subscribe again after a reconnect of a clean session (a persistent session keeps its subscriptions).
 */
abstract class SubscriberCallback implements MqttCallback {

    private final String command;
    private final PrintWriter err;
    private final boolean cleanSession;
    private final MqttSubscription[] subscriptions;
    private MqttAsyncClient client;

    SubscriberCallback(String command, PrintWriter err, boolean cleanSession, MqttSubscription... subscriptions) {
        this.command = command;
        this.err = err;
        this.cleanSession = cleanSession;
        this.subscriptions = subscriptions;
    }

    void attach(MqttAsyncClient connecting) {
        this.client = connecting;
    }

    void subscribe() throws MqttException {
        client.subscribe(subscriptions).waitForCompletion(BrokerOptions.TIMEOUT_MILLIS);
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        if (reconnect && cleanSession) {
            try {
                client.subscribe(subscriptions);
            } catch (MqttException e) {
                report("re-subscribe failed: " + e.getMessage());
            }
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        report("connection lost (" + response + "), reconnecting");
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        report(exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // Consumers publish nothing.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication.
    }

    void report(String line) {
        synchronized (err) {
            err.println(command + ": " + line);
            err.flush();
        }
    }
}

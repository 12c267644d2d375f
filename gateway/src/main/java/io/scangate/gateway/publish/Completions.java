package io.scangate.gateway.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;

/**
 * Paho's completions of publishes (a PUBACK with its reason codes, or a failure with its cause), collected
 * on Paho's callback thread and handed to the publisher's loop in batches: under load PUBACKs come in
 * bursts, and one loop task (one wake-up of the loop, one take from the journal) per PUBACK was most of the
 * publisher's own cost.
 */
final class Completions {

    /** One publish's outcome; {@code connection} tells a late completion of an earlier connection apart. */
    record Completion(long id, int connection, boolean acked, int[] reasonCodes, Throwable failure) {
    }

    private final Queue<Completion> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<Runnable> loop;
    private final Consumer<List<Completion>> settle;

    /**
     * @param loop hands a task to the publisher's loop
     * @param settle runs on the loop with every completion that waited, in arrival order
     */
    Completions(Consumer<Runnable> loop, Consumer<List<Completion>> settle) {
        this.loop = loop;
        this.settle = settle;
    }

    /** The listener of one publish. */
    MqttActionListener listener(long id, int connection) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                add(new Completion(id, connection, true, token.getReasonCodes(), null));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                add(new Completion(id, connection, false, null, cause));
            }
        };
    }

    private void add(Completion completion) {
        waiting.add(completion);
        if (scheduled.compareAndSet(false, true)) {
            loop.accept(this::settleWaiting);
        }
    }

    private void settleWaiting() {
        // Cleared first: a completion added after the last poll below schedules a task of its own.
        scheduled.set(false);
        List<Completion> batch = new ArrayList<>();
        for (Completion completion = waiting.poll(); completion != null; completion = waiting.poll()) {
            batch.add(completion);
        }
        settle.accept(batch);
    }
}

package io.scangate.gateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import io.scangate.gateway.journal.DeadLetter;
import io.scangate.gateway.journal.Requeue;
import io.scangate.gateway.publish.TopicScheme;
import io.scangate.proto.v1.Envelope;

/**
 * One dead letter as an operator sees it: the journal's record plus what its envelope says. A payload that
 * is no envelope (or was lost when the entry was dead-lettered) is shown as such, never a failure.
 *
 * @param requeue null when it was never requeued
 * @param envelopeProblem null when the payload decoded as an envelope
 */
record DeadLetterView(DeadLetter letter, String eventId, String deviceId, String kind, String envelopeProblem,
                      Requeue requeue) {

    static DeadLetterView of(DeadLetter letter, Requeue requeue) {
        if (letter.payload().length == 0) {
            return new DeadLetterView(letter, "", "", "", "no payload (unreadable when dead-lettered)", requeue);
        }
        try {
            Envelope envelope = Envelope.parseFrom(letter.payload());
            String kind = envelope.getBodyCase() == Envelope.BodyCase.BODY_NOT_SET
                    ? "none" : TopicScheme.kind(envelope.getBodyCase());
            return new DeadLetterView(letter, envelope.getEventId(), envelope.getDevice().getDeviceId(), kind, null,
                    requeue);
        } catch (InvalidProtocolBufferException e) {
            return new DeadLetterView(letter, "", "", "", "not a scangate.v1.Envelope: " + e.getMessage(), requeue);
        }
    }

    String line() {
        StringBuilder line = new StringBuilder()
                .append("id=").append(letter.id())
                .append(" lane=").append(letter.lane())
                .append(" at=").append(letter.at())
                .append(' ').append(identity());
        if (envelopeProblem == null) {
            line.append(" kind=").append(kind);
        }
        line.append(" bytes=").append(letter.payload().length)
                .append(" requeued=").append(requeue == null ? "no" : requeue.newId() + "@" + requeue.at())
                .append(" reason=").append(quoted(letter.reason()));
        return line.toString();
    }

    ObjectNode json(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode()
                .put("id", letter.id())
                .put("lane", letter.lane().name())
                .put("at", letter.at().toString())
                .put("reason", letter.reason())
                .put("bytes", letter.payload().length);
        if (envelopeProblem == null) {
            node.put("eventId", eventId).put("deviceId", deviceId).put("kind", kind);
        } else {
            node.put("envelopeError", envelopeProblem);
        }
        if (requeue == null) {
            node.putNull("requeued");
        } else {
            node.putObject("requeued").put("newId", requeue.newId()).put("at", requeue.at().toString());
        }
        return node;
    }

    /** "event=… device=…", or what is wrong with the envelope: the list's and the requeue's lines. */
    String identity() {
        return envelopeProblem == null ? "event=" + orDash(eventId) + " device=" + orDash(deviceId)
                : "envelope=" + quoted(envelopeProblem);
    }

    private static String orDash(String value) {
        return value.isEmpty() ? "-" : value;
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}

package io.scangate.simulator.ocr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A read in the two wire forms of docs/ocr.md: the webhook's JSON body and the TCP line. */
public final class ReadEncoders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadEncoders() {
    }

    /** The webhook body, members in the documented order, pretty-printed as portals commonly send. */
    public static String json(PortalRead read) {
        ObjectNode body = JSON.createObjectNode()
                .put("readId", read.readId()).put("lane", read.lane()).put("time", read.time().toString());
        ArrayNode containers = body.putArray("containers");
        read.containers().forEach(c -> containers.addObject()
                .put("code", c.code()).put("position", c.position()).put("confidence", c.confidence()));
        if (read.plate() != null) {
            body.putObject("plate").put("text", read.plate().text()).put("confidence", read.plate().confidence())
                    .put("country", read.plate().country());
        }
        ArrayNode images = body.putArray("images");
        read.images().forEach(i -> images.addObject().put("url", i.url()).put("kind", i.kind()));
        return body.toPrettyString() + "\n";
    }

    /** One line, LF-terminated: {@code readId=...;lane=...;time=...;container=code,position,confidence;...}. */
    public static String line(PortalRead read) {
        StringBuilder line = new StringBuilder()
                .append("readId=").append(read.readId())
                .append(";lane=").append(read.lane())
                .append(";time=").append(read.time());
        for (PortalRead.Container c : read.containers()) {
            line.append(";container=").append(c.code()).append(',').append(c.position()).append(',').append(c.confidence());
        }
        if (read.plate() != null) {
            line.append(";plate=").append(read.plate().text()).append(',').append(read.plate().confidence())
                    .append(',').append(read.plate().country());
        }
        for (PortalRead.Image i : read.images()) {
            line.append(";image=").append(i.kind()).append(',').append(i.url());
        }
        return line.append('\n').toString();
    }
}

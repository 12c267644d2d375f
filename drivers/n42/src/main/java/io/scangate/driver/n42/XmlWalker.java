package io.scangate.driver.n42;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Recursive-descent helpers over a StAX reader: known containers are walked child by child, everything else
 * is flattened into unmapped items ({@code path/element[@attribute]: text}), nesting is bounded. Subclasses
 * describe the structure they know.
 */
abstract class XmlWalker {

    private static final int MAX_UNMAPPED_TEXT = 1_000;

    final XMLStreamReader xml;
    private final String namespace;
    private final int maxDepth;
    private final int maxUnmappedItems;
    private final List<String> unmapped;
    private final StringBuilder text = new StringBuilder(8_192);
    private final Deque<String> path = new ArrayDeque<>();
    private int depth;
    private int unmappedOmitted;

    XmlWalker(XMLStreamReader xml, String namespace, int maxDepth, int maxUnmappedItems, List<String> unmapped) {
        this.xml = xml;
        this.namespace = namespace;
        this.maxDepth = maxDepth;
        this.maxUnmappedItems = maxUnmappedItems;
        this.unmapped = unmapped;
    }

    /** How many unmapped items were over the limit and not kept. */
    int unmappedOmitted() {
        return unmappedOmitted;
    }

    /** Handles one child element of a known container; called on its START_ELEMENT, must consume its END. */
    @FunctionalInterface
    interface ChildHandler {
        void child(String localName) throws XMLStreamException, N42FormatException;
    }

    void container(String name, ChildHandler handler) throws XMLStreamException, N42FormatException {
        enter(name);
        children(handler);
        leave();
    }

    /** Reads the children of the current element up to its END_ELEMENT; foreign-namespace ones are unmapped. */
    void children(ChildHandler handler) throws XMLStreamException, N42FormatException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (namespace.equals(xml.getNamespaceURI())) {
                    handler.child(xml.getLocalName());
                } else {
                    unmapped();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("document ends inside an element");
            }
        }
    }

    String leafText() throws XMLStreamException, N42FormatException {
        return leafChars().toString().trim();
    }

    /** The text of the current element; child elements inside it are unmapped. Valid until the next call. */
    CharSequence leafChars() throws XMLStreamException, N42FormatException {
        text.setLength(0);
        String element = xml.getLocalName();
        enter(element);
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                case XMLStreamConstants.START_ELEMENT -> unmapped();
                case XMLStreamConstants.END_ELEMENT -> {
                    leave();
                    return text;
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("document ends inside "
                        + element);
                default -> {
                }
            }
        }
    }

    /**
     * Flattens the current element and everything in it into {@link N42Document#unmapped} entries
     * {@code path/element[@attribute=value]: text}; consumes up to its END_ELEMENT.
     */
    void unmapped() throws XMLStreamException, N42FormatException {
        int base = depth;
        Deque<StringBuilder> texts = new ArrayDeque<>();
        enterUnmapped(texts);
        while (depth > base) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> enterUnmapped(texts);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    StringBuilder current = texts.peek();
                    if (current.length() <= MAX_UNMAPPED_TEXT) {
                        current.append(xml.getTextCharacters(), xml.getTextStart(),
                                Math.min(xml.getTextLength(), MAX_UNMAPPED_TEXT + 1 - current.length()));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String value = texts.pop().toString().trim();
                    if (!value.isEmpty()) {
                        keepUnmapped(String.join("/", (Iterable<String>) path::descendingIterator) + ": "
                                + Printable.abbreviate(value, MAX_UNMAPPED_TEXT));
                    }
                    leave();
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("document ends inside "
                        + path.peek());
                default -> {
                }
            }
        }
    }

    private void enterUnmapped(Deque<StringBuilder> texts) throws N42FormatException {
        String prefix = xml.getPrefix();
        boolean plain = prefix == null || prefix.isEmpty() || namespace.equals(xml.getNamespaceURI());
        enter(plain ? xml.getLocalName() : prefix + ":" + xml.getLocalName());
        texts.push(new StringBuilder());
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            keepUnmapped(String.join("/", (Iterable<String>) path::descendingIterator) + "@"
                    + xml.getAttributeLocalName(i) + ": " + Printable.abbreviate(xml.getAttributeValue(i),
                    MAX_UNMAPPED_TEXT));
        }
    }

    private void keepUnmapped(String item) {
        if (unmapped.size() < maxUnmappedItems) {
            unmapped.add(item);
        } else {
            unmappedOmitted++;
        }
    }

    void enter(String name) throws N42FormatException {
        if (++depth > maxDepth) {
            throw new N42FormatException("too_deep", "elements nest deeper than maxElementDepth " + maxDepth);
        }
        path.push(name);
    }

    void leave() {
        depth--;
        path.pop();
    }

    String attribute(String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? null : value.trim();
    }

}

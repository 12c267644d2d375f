package io.scangate.driver.n42;

import java.util.List;

/**
 * The transport-free entry point: one whole N42 document in, its messages and problems out. The TCP driver
 * uses it for every framed document; a future directory watcher or HTTP receiver can hand it whole files
 * the same way. Stateless and safe from any thread. Never throws for bad input: a document that is not
 * well-formed, not N42 or carries a DTD gives one RawRecord with its exact bytes and one problem.
 */
public final class N42Documents {

    private N42Documents() {
    }

    /** With the default limits of {@link N42Config#defaults()}. */
    public static N42Result parse(byte[] document) {
        return parse(document, N42Config.defaults());
    }

    /** Uses {@code maxChannelsPerSpectrum}, {@code maxUnmappedItems} and {@code maxElementDepth} of {@code limits}. */
    public static N42Result parse(byte[] document, N42Config limits) {
        try {
            return N42Mapper.map(N42Reader.read(document, limits), document);
        } catch (N42FormatException e) {
            return refused(document, e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            // The JDK parser signals some broken input with unchecked exceptions; the bytes must survive it.
            return refused(document, "unparseable", Printable.abbreviate(e.toString(), 300));
        }
    }

    private static N42Result refused(byte[] document, String reason, String detail) {
        return new N42Result(
                List.of(N42Mapper.raw(N42Mapper.DOCUMENT_TAG, document, reason.replace('_', ' ') + ": " + detail)),
                List.of(new N42Problem(reason, detail)));
    }
}

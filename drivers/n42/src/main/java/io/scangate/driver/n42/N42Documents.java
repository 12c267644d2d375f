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
        N42Document read;
        try {
            read = N42Reader.read(document, limits);
        } catch (N42FormatException e) {
            return new N42Result(
                    List.of(N42Mapper.raw(N42Mapper.DOCUMENT_TAG, document,
                            e.reason().replace('_', ' ') + ": " + e.getMessage())),
                    List.of(new N42Problem(e.reason(), e.getMessage())));
        }
        return N42Mapper.map(read, document);
    }
}

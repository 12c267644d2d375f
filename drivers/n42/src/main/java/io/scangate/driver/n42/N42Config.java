package io.scangate.driver.n42;

import io.scangate.driver.DriverConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code params:} block of an {@code n42} device. Every key is optional; a key left out (bound as
 * {@code null}) takes the default named on its component.
 *
 * @param maxDocumentBytes largest document accepted between its framing bytes (default 8 MiB); a larger
 *     one is skipped up to its end and reported ({@code document_too_large})
 * @param framing how documents are delimited on the stream: {@code STX_ETX} (default, TCP) or
 *     {@code PER_CONNECTION} (one document per connection; use it with a {@code directory} transport)
 * @param maxChannelsPerSpectrum most channels one spectrum may have after CountedZeroes decompression
 *     (default 65536); a spectrum over it is dropped and reported ({@code spectrum_too_large}), so that a
 *     few bytes of "0 4000000000" cannot exhaust memory
 * @param maxUnmappedItems most unmapped items (vendor extensions, unknown elements) kept per document
 *     (default 500); the rest are counted and reported ({@code unmapped_truncated})
 * @param maxElementDepth deepest element nesting accepted (default 64); deeper documents are refused
 *     ({@code too_deep})
 */
public record N42Config(
        Integer maxDocumentBytes,
        N42Framing framing,
        Integer maxChannelsPerSpectrum,
        Integer maxUnmappedItems,
        Integer maxElementDepth) implements DriverConfig {

    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
    public static final N42Framing DEFAULT_FRAMING = N42Framing.STX_ETX;
    public static final int DEFAULT_MAX_CHANNELS_PER_SPECTRUM = 65_536;
    public static final int DEFAULT_MAX_UNMAPPED_ITEMS = 500;
    public static final int DEFAULT_MAX_ELEMENT_DEPTH = 64;

    public N42Config {
        maxDocumentBytes = maxDocumentBytes == null ? DEFAULT_MAX_DOCUMENT_BYTES : maxDocumentBytes;
        framing = framing == null ? DEFAULT_FRAMING : framing;
        maxChannelsPerSpectrum = maxChannelsPerSpectrum == null
                ? DEFAULT_MAX_CHANNELS_PER_SPECTRUM : maxChannelsPerSpectrum;
        maxUnmappedItems = maxUnmappedItems == null ? DEFAULT_MAX_UNMAPPED_ITEMS : maxUnmappedItems;
        maxElementDepth = maxElementDepth == null ? DEFAULT_MAX_ELEMENT_DEPTH : maxElementDepth;
    }

    public static N42Config defaults() {
        return new N42Config(null, null, null, null, null);
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (maxDocumentBytes < 1024 || maxDocumentBytes > 256 * 1024 * 1024) {
            problems.add("maxDocumentBytes: must be between 1024 and 268435456, got " + maxDocumentBytes
                    + " (a 1,024-channel document is about 10 KB; the default is 8388608, 8 MiB)");
        }
        if (maxChannelsPerSpectrum < 16 || maxChannelsPerSpectrum > 1_048_576) {
            problems.add("maxChannelsPerSpectrum: must be between 16 and 1048576, got " + maxChannelsPerSpectrum
                    + " (portals use 512 to 16384 channels; the default is 65536)");
        }
        if (maxUnmappedItems < 0 || maxUnmappedItems > 100_000) {
            problems.add("maxUnmappedItems: must be between 0 and 100000, got " + maxUnmappedItems
                    + " (the default is 500)");
        }
        if (maxElementDepth < 8 || maxElementDepth > 1_000) {
            problems.add("maxElementDepth: must be between 8 and 1000, got " + maxElementDepth
                    + " (N42 documents nest about 6 deep; the default is 64)");
        }
        return problems;
    }
}

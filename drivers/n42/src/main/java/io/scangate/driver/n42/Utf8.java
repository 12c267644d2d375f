package io.scangate.driver.n42;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks UTF-8 before the XML parser sees it: the JDK parser reports a broken UTF-8 sequence on stderr, past
 * the gateway's logging, before it throws. Documents that declare another encoding (or start with a UTF-16
 * byte order mark) are left to the parser.
 */
final class Utf8 {

    private static final int PROLOG_BYTES = 200;
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private Utf8() {
    }

    /**
     * Whether the document is to be read as UTF-8: unless it starts with a UTF-16 byte order mark or its XML
     * declaration names another encoding the JDK knows, UTF-8 is what the parser will assume.
     */
    static boolean expected(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return false;
        }
        String prolog = new String(bytes, 0, Math.min(bytes.length, PROLOG_BYTES), StandardCharsets.ISO_8859_1);
        int end = prolog.indexOf("?>");
        Matcher declared = ENCODING.matcher(end < 0 ? prolog : prolog.substring(0, end));
        if (!declared.find()) {
            return true;
        }
        try {
            return !Charset.isSupported(declared.group(1))
                    || Charset.forName(declared.group(1)).equals(StandardCharsets.UTF_8);
        } catch (IllegalCharsetNameException e) {
            return true;
        }
    }

    /** The index of the first byte that is not well-formed UTF-8, or -1. */
    static int firstInvalid(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int length;
            int low = 0x80;
            int high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                low = lead == 0xE0 ? 0xA0 : 0x80;
                high = lead == 0xED ? 0x9F : 0xBF;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                low = lead == 0xF0 ? 0x90 : 0x80;
                high = lead == 0xF4 ? 0x8F : 0xBF;
            } else {
                return i;
            }
            if (i + length > n) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < low || second > high) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }
}

package io.scangate.driver.n42;

/** Renders raw bytes as safe, printable text for logs and decode-error details. */
final class Printable {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Printable() {
    }

    /** At most {@code limit} of the first {@code length} bytes; printable ASCII as is, others as {@code \xNN}. */
    static String excerpt(byte[] bytes, int length, int limit) {
        int end = Math.min(length, limit);
        StringBuilder text = new StringBuilder(end + 8);
        for (int i = 0; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\') {
                text.append((char) b);
            } else {
                text.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        if (length > limit) {
            text.append("...");
        }
        return text.toString();
    }

    /** Text shortened to {@code limit} characters, for values quoted in details. */
    static String abbreviate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit) + "...(" + text.length() + " chars)";
    }
}

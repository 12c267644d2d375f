package io.scangate.driver.vm250;

/** Renders raw line bytes as safe, printable text for logs and protobuf strings. */
final class LineText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LineText() {
    }

    /** Printable ASCII as is, every other byte as {@code \xNN}. */
    static String printable(byte[] bytes) {
        return printable(bytes, 0, bytes.length);
    }

    static String printable(byte[] bytes, int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\') {
                text.append((char) b);
            } else {
                text.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return text.toString();
    }

    /** At most {@code limit} bytes of {@code bytes}, printable, with an ellipsis when cut. */
    static String excerpt(byte[] bytes, int limit) {
        if (bytes.length <= limit) {
            return printable(bytes);
        }
        return printable(bytes, 0, limit) + "...";
    }
}

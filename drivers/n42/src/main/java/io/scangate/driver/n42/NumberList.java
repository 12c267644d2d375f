package io.scangate.driver.n42;

import java.util.Arrays;

/**
 * Decodes the white-space separated number lists of N42 ({@code ChannelData}, {@code CountData},
 * {@code CoefficientValues}) straight from the parser's characters, without splitting into strings: a
 * 1,024-channel spectrum is the bulk of a document.
 */
final class NumberList {

    static final String COUNTED_ZEROES = "CountedZeroes";
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    /** A list that cannot be used; the message is the detail of the decode error. */
    static final class BadNumbers extends Exception {

        private static final long serialVersionUID = 1L;

        private final String reason;

        BadNumbers(String reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private NumberList() {
    }

    /**
     * Channel counts, decompressed when {@code compression} is {@code CountedZeroes} (a 0 is followed by how
     * many zero channels it stands for). Fractional counts are rounded.
     *
     * @throws BadNumbers {@code bad_channel_data} or {@code spectrum_too_large} (over {@code maxChannels})
     */
    static int[] channels(CharSequence text, String compression, int maxChannels) throws BadNumbers {
        boolean countedZeroes = COUNTED_ZEROES.equalsIgnoreCase(compression == null ? "" : compression.trim());
        if (compression != null && !compression.isBlank() && !countedZeroes
                && !"None".equalsIgnoreCase(compression.trim())) {
            throw new BadNumbers("bad_channel_data", "unknown compressionCode '"
                    + Printable.abbreviate(compression, 40) + "'");
        }
        int[] channels = new int[Math.min(maxChannels, Math.max(16, text.length() / 2))];
        int size = 0;
        boolean zeroRun = false;
        int length = text.length();
        int i = 0;
        while (i < length) {
            while (i < length && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == length) {
                break;
            }
            int start = i;
            while (i < length && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            long value = count(text, start, i);
            if (zeroRun) {
                zeroRun = false;
                if (value > maxChannels - size) {
                    throw tooLarge(maxChannels, size + value);
                }
                channels = ensure(channels, size + (int) value, maxChannels);
                size += (int) value;
                continue;
            }
            if (size == maxChannels) {
                throw tooLarge(maxChannels, size + 1L);
            }
            if (countedZeroes && value == 0) {
                zeroRun = true;
                continue;
            }
            channels = ensure(channels, size + 1, maxChannels);
            channels[size++] = (int) value;
        }
        if (zeroRun) {
            throw new BadNumbers("bad_channel_data", "CountedZeroes data ends with a 0 and no count of zeros");
        }
        return size == channels.length ? channels : Arrays.copyOf(channels, size);
    }

    /** The values as doubles (calibration coefficients, gross counts). */
    static double[] doubles(CharSequence text) throws BadNumbers {
        String[] tokens = text.toString().trim().split("\\s+");
        if (tokens.length == 1 && tokens[0].isEmpty()) {
            return new double[0];
        }
        double[] values = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            try {
                values[i] = Double.parseDouble(tokens[i]);
            } catch (NumberFormatException e) {
                throw new BadNumbers("bad_number", "'" + Printable.abbreviate(tokens[i], 40) + "' is not a number");
            }
            if (!Double.isFinite(values[i])) {
                throw new BadNumbers("bad_number", "'" + tokens[i] + "' is not a finite number");
            }
        }
        return values;
    }

    private static long count(CharSequence text, int start, int end) throws BadNumbers {
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || i - start > 10) {
                return countFromDecimal(text.subSequence(start, end).toString());
            }
            value = value * 10 + (c - '0');
        }
        if (value > UINT32_MAX) {
            throw new BadNumbers("bad_channel_data", "count " + value + " is above 4294967295");
        }
        return value;
    }

    private static long countFromDecimal(String token) throws BadNumbers {
        double value;
        try {
            value = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw new BadNumbers("bad_channel_data", "'" + Printable.abbreviate(token, 40) + "' is not a count");
        }
        if (!(value >= 0) || value > UINT32_MAX) {
            throw new BadNumbers("bad_channel_data", "count '" + Printable.abbreviate(token, 40)
                    + "' is negative, not a number or above 4294967295");
        }
        return Math.round(value);
    }

    private static int[] ensure(int[] channels, int needed, int maxChannels) {
        if (needed <= channels.length) {
            return channels;
        }
        int grown = (int) Math.min(maxChannels, Math.max(needed, channels.length * 2L));
        return Arrays.copyOf(channels, grown);
    }

    private static BadNumbers tooLarge(int maxChannels, long channels) {
        return new BadNumbers("spectrum_too_large", "spectrum of at least " + channels
                + " channels is over maxChannelsPerSpectrum " + maxChannels);
    }
}

package io.scangate.simulator.vehicle;

import io.scangate.simulator.scenario.Draws;

/**
 * ISO 6346 container codes as a container on a simulated truck carries them, written from DESIGN 4.5 and
 * independent of the gateway's validator: 3-letter owner code, category letter, 6-digit serial, check digit.
 * The simulator's only implementation: the vehicle lane scenario and the OCR portal both use it.
 */
public final class Iso6346 {

    private static final String OWNERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** U freight container (most traffic), J detachable equipment, Z trailer/chassis. */
    private static final String CATEGORIES = "UUUUUUUUUUUUUUUUUUJZ";

    private Iso6346() {
    }

    /** The check digit of the first ten characters (owner, category, serial). */
    public static int checkDigit(String firstTen) {
        if (firstTen.length() < 10) {
            throw new IllegalArgumentException("need owner code, category and serial: " + firstTen);
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += letterValue(firstTen.charAt(i)) << i;
        }
        return sum % 11 % 10;
    }

    /** A=10, then upward skipping 11 and its multiples (B=12 ... K=21, L=23 ... U=32 ... Z=38); digits are themselves. */
    public static int letterValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c < 'A' || c > 'Z') {
            throw new IllegalArgumentException("not an ISO 6346 character: " + c);
        }
        int value = 10;
        for (char letter = 'A'; letter < c; letter++) {
            value++;
            if (value % 11 == 0) {
                value++;
            }
        }
        return value;
    }

    /** True for eleven characters (owner, category, serial) whose last is the check digit of the first ten. */
    public static boolean valid(String code) {
        return code.length() == 11 && code.substring(0, 4).chars().allMatch(c -> c >= 'A' && c <= 'Z')
                && code.substring(4).chars().allMatch(c -> c >= '0' && c <= '9')
                && checkDigit(code.substring(0, 10)) == code.charAt(10) - '0';
    }

    /** A random valid code, e.g. {@code CSQU3054383}. */
    public static String random(Draws draws) {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 3; i++) {
            code.append(OWNERS.charAt(draws.uniformInt(0, OWNERS.length() - 1)));
        }
        code.append(CATEGORIES.charAt(draws.uniformInt(0, CATEGORIES.length() - 1)));
        for (int i = 0; i < 6; i++) {
            code.append((char) ('0' + draws.uniformInt(0, 9)));
        }
        return code.append(checkDigit(code.toString())).toString();
    }

    /** The same code with a wrong check digit, as an OCR misread of the last character gives it. */
    public static String withWrongCheckDigit(String code, Draws draws) {
        int right = code.charAt(10) - '0';
        int wrong = (right + draws.uniformInt(1, 9)) % 10;
        return code.substring(0, 10) + wrong;
    }
}

package io.scangate.simulator.ocr;

import io.scangate.simulator.scenario.Draws;

/**
 * ISO 6346 container numbers as a portal would see them painted on boxes, written from DESIGN 4.5 and
 * independent of the driver's check: each letter is worth 10 upward, skipping 11, 22 and 33; character i
 * of the first ten is weighted 2 to the power i; the sum modulo 11, then modulo 10, is the check digit.
 */
public final class ContainerNumbers {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private ContainerNumbers() {
    }

    public static int letterValue(char letter) {
        int value = 10 + ALPHABET.indexOf(letter);
        // every multiple of 11 reached on the way is skipped: 11 before B, 22 before L, 33 before V
        return value + (value >= 11 ? 1 : 0) + (value >= 21 ? 1 : 0) + (value >= 31 ? 1 : 0);
    }

    /** The check digit of owner (3 letters), category (U, J or Z) and serial (6 digits). */
    public static int checkDigit(String firstTen) {
        long weighted = 0;
        long weight = 1;
        for (char c : firstTen.toCharArray()) {
            weighted += weight * (Character.isDigit(c) ? c - '0' : letterValue(c));
            weight *= 2;
        }
        return (int) (weighted % 11 % 10);
    }

    /** True for eleven characters whose last is the check digit of the first ten. */
    public static boolean valid(String code) {
        return code.length() == 11 && code.substring(0, 4).chars().allMatch(Character::isUpperCase)
                && code.substring(4).chars().allMatch(Character::isDigit)
                && checkDigit(code.substring(0, 10)) == code.charAt(10) - '0';
    }

    /** A random freight container (category U) with a correct check digit. */
    public static String random(Draws draws) {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 3; i++) {
            code.append(ALPHABET.charAt(draws.uniformInt(0, 25)));
        }
        code.append('U');
        for (int i = 0; i < 6; i++) {
            code.append((char) ('0' + draws.uniformInt(0, 9)));
        }
        return code.append(checkDigit(code.toString())).toString();
    }
}

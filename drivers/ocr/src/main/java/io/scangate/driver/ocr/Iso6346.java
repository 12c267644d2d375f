package io.scangate.driver.ocr;

import io.scangate.proto.v1.CheckDigitResult;

/**
 * ISO 6346 container codes (DESIGN 4.5): 3-letter owner code, category letter (U, J or Z), 6-digit serial,
 * check digit. A code is checked and flagged, never rejected: the customs officer still needs to see what
 * the portal read.
 *
 * <p>Suggestions cover only the confusions between look-alike letters and digits that OCR of stencilled
 * characters makes (O/0, I/1, B/8, S/5, Z/2), and only where the code's shape says which one is wrong: a
 * digit among the four letters or a letter among the seven digits. A confusion within one class (3 read as 8)
 * cannot be told from a different real code, so it is never "corrected".
 */
public final class Iso6346 {

    /** What {@link #check} found. {@code suggestion} is empty unless exactly one correction validates. */
    public record Verdict(String normalised, CheckDigitResult result, String detail, String suggestion) {
    }

    private static final String LETTERS_LIKE_DIGITS = "OIBSZ";
    private static final String DIGITS_LIKE_LETTERS = "01852";
    private static final int[] LETTER_VALUES = letterValues();

    private Iso6346() {
    }

    /** Upper case without the spaces and dashes printed on boxes, e.g. {@code "CSQU 305438-3"} -> {@code "CSQU3054383"}. */
    public static String normalise(String asRead) {
        StringBuilder compact = new StringBuilder(asRead.length());
        for (int i = 0; i < asRead.length(); i++) {
            char c = asRead.charAt(i);
            if (c != ' ' && c != '-' && c != '\t') {
                compact.append(Character.toUpperCase(c));
            }
        }
        return compact.toString();
    }

    /**
     * The check digit of the first ten characters (owner, category, serial), already normalised and well
     * shaped: letter values from A=10 skipping multiples of 11, position i weighted 2^i, sum mod 11 mod 10.
     */
    public static int checkDigit(String ownerCategorySerial) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = ownerCategorySerial.charAt(i);
            int value = c >= 'A' && c <= 'Z' ? LETTER_VALUES[c - 'A'] : c - '0';
            sum += value << i;
        }
        return sum % 11 % 10;
    }

    public static Verdict check(String asRead) {
        String code = normalise(asRead);
        String shapeProblem = shapeProblem(code);
        if (shapeProblem != null) {
            return new Verdict(code, CheckDigitResult.CHECK_DIGIT_MALFORMED, shapeProblem, suggestion(code));
        }
        if (code.length() == 10) {
            return new Verdict(code, CheckDigitResult.CHECK_DIGIT_ABSENT,
                    "no check digit (owner, category and serial only)", "");
        }
        int computed = checkDigit(code);
        int read = code.charAt(10) - '0';
        if (read == computed) {
            return new Verdict(code, CheckDigitResult.CHECK_DIGIT_VALID, "", "");
        }
        return new Verdict(code, CheckDigitResult.CHECK_DIGIT_INVALID,
                "check digit " + read + " read, " + computed + " computed", "");
    }

    /** Null when the code has the ISO 6346 shape, with or without its check digit; else what is wrong. */
    private static String shapeProblem(String code) {
        if (code.length() != 10 && code.length() != 11) {
            return "length " + code.length() + ", expected 11 (or 10 without check digit)";
        }
        for (int i = 0; i < 4; i++) {
            if (code.charAt(i) < 'A' || code.charAt(i) > 'Z') {
                return "character " + (i + 1) + " '" + code.charAt(i) + "' is not a letter A-Z";
            }
        }
        char category = code.charAt(3);
        if (category != 'U' && category != 'J' && category != 'Z') {
            return "category '" + category + "' is not U, J or Z";
        }
        for (int i = 4; i < code.length(); i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return "character " + (i + 1) + " '" + code.charAt(i) + "' is not a digit";
            }
        }
        return null;
    }

    /**
     * Puts every look-alike back into the class its position demands; the result is a suggestion only if it
     * is then a complete code whose check digit validates. Each position admits one class, so at most one
     * candidate comes out: there is never a choice to make between corrections.
     */
    private static String suggestion(String code) {
        if (code.length() != 11) {
            return "";
        }
        char[] candidate = code.toCharArray();
        for (int i = 0; i < candidate.length; i++) {
            boolean letterPosition = i < 4;
            int look = letterPosition ? DIGITS_LIKE_LETTERS.indexOf(candidate[i]) : LETTERS_LIKE_DIGITS.indexOf(candidate[i]);
            if (look >= 0) {
                candidate[i] = letterPosition ? LETTERS_LIKE_DIGITS.charAt(look) : DIGITS_LIKE_LETTERS.charAt(look);
            }
        }
        String corrected = new String(candidate);
        if (corrected.equals(code) || shapeProblem(corrected) != null) {
            return "";
        }
        return checkDigit(corrected) == corrected.charAt(10) - '0' ? corrected : "";
    }

    private static int[] letterValues() {
        int[] values = new int[26];
        int value = 10;
        for (int letter = 0; letter < 26; letter++) {
            if (value % 11 == 0) {
                value++;
            }
            values[letter] = value++;
        }
        return values;
    }
}

package dev.lookahead.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's string whitespace, for scorers that must split and strip text exactly as an official Python script does:
 * Python counts the no-break spaces (U+00A0, U+2007, U+202F), U+0085 and U+001C to U+001F as white space, where
 * Java's {@code strip} and {@code \s} do not agree with it.
 */
final class PythonText {
    private PythonText() {
    }

    /** Python's {@code str.isspace} for one character. */
    static boolean isSpace(int c) {
        return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** Python's {@code str.strip()}. */
    static String strip(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && isSpace(text.charAt(from))) from++;
        while (to > from && isSpace(text.charAt(to - 1))) to--;
        return text.substring(from, to);
    }

    /** Python's {@code str.split()}: runs of white space separate, none at either end. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && isSpace(text.charAt(i))) i++;
            int start = i;
            while (i < text.length() && !isSpace(text.charAt(i))) i++;
            if (i > start) words.add(text.substring(start, i));
        }
        return words;
    }
}

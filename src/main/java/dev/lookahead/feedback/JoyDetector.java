package dev.lookahead.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline stand-in for the paper's emotion classifier: a reply shows joy when it laughs (lol,
 * haha, lmao, rofl, hehe), uses a laughing or smiling emoji, or says a joy word. Its rules are this
 * readable list, and {@link #cues} names the words that fired.
 */
public final class JoyDetector {
    /** Laughter spelled out: lol, lool, haha, hahaha, ahah, lmao, lmfao, rofl, hehe, xd. */
    private static final Pattern LAUGHTER = Pattern.compile(
            "(?<![\\p{L}])(lo+l+|l+o+l+|a?(?:ha){2,}h?|lmf?ao+|rofl|he(?:he)+|xd+)(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    /** Laughing and smiling faces, and laughing cats. */
    private static final Set<Integer> JOY_EMOJI = Set.of(0x1F602, 0x1F923, 0x1F600, 0x1F603, 0x1F604, 0x1F601, 0x1F606,
            0x1F60A, 0x1F642, 0x263A, 0x1F639, 0x1F638, 0x1F63A, 0x1F970, 0x1F60D);
    private static final Set<String> JOY_WORDS = Set.of("joy", "happy", "glad", "delighted", "yay", "hooray", "awesome",
            "love", "fun", "funny", "hilarious", "enjoy", "enjoyed", "excited", ":)", ":-)", ":d", "=)", "(:");

    private JoyDetector() {
    }

    public static boolean joyful(String text) {
        return !cues(text).isEmpty();
    }

    /** The words and emoji that made a text joyful, in order; empty when it is not. */
    public static List<String> cues(String text) {
        List<String> cues = new ArrayList<>();
        Matcher laughter = LAUGHTER.matcher(text);
        while (laughter.find()) cues.add(laughter.group());
        text.codePoints().filter(JOY_EMOJI::contains).forEach(cp -> cues.add(new String(Character.toChars(cp))));
        for (String word : text.toLowerCase(Locale.ROOT).split("(?U)\\s+")) {
            String bare = word.length() > 2 ? word.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "") : word;
            if (JOY_WORDS.contains(bare) || JOY_WORDS.contains(word)) cues.add(word);
        }
        return cues;
    }
}

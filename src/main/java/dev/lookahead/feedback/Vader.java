package dev.lookahead.feedback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The VADER sentiment scorer (Hutto and Gilbert, ICWSM 2014), behaving as the reference
 * implementation does, quirks included: emoji are replaced by their descriptions, then each word's
 * lexicon valence is adjusted for capitals, boosters and dampeners in the three words before it,
 * negation, "no", "least", idioms, and "but"; the sum gets punctuation emphasis and is normalised to
 * compound = s / sqrt(s^2 + 15). Thread-safe once built.
 */
public final class Vader {
    // The constants and word tables below are VADER's (MIT, Copyright (c) 2016 C.J. Hutto): see NOTICE.
    private static final double BOOST = 0.293;
    private static final double DAMPEN = -0.293;
    private static final double CAPS = 0.733;
    private static final double NEGATION = -0.74;
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private static final Set<String> NEGATE = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt",
            "doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt",
            "havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't",
            "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant",
            "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
            "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

    private static final Map<String, Double> BOOSTERS = boosters();

    private static final Map<String, Double> SPECIAL_CASES = Map.of("the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5,
            "badass", 1.5, "bus stop", 0.0, "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
            "beating heart", 3.1, "broken heart", -2.9);

    /** The four VADER scores of a text, rounded as the reference rounds them. */
    public record Scores(double compound, double positive, double neutral, double negative) {
    }

    private final Map<String, Double> lexicon;
    private final Map<Integer, String> emoji;

    private Vader(Map<String, Double> lexicon, Map<Integer, String> emoji) {
        this.lexicon = lexicon;
        this.emoji = emoji;
    }

    /** The scorer with the shipped reference lexicons. */
    public static Vader reference() {
        return Holder.REFERENCE;
    }

    private static final class Holder {
        static final Vader REFERENCE = load();
    }

    private static Vader load() {
        Map<String, Double> lexicon = new HashMap<>();
        for (String[] fields : read("/lexicons/vader/vader_lexicon.txt")) lexicon.put(fields[0], Double.parseDouble(fields[1]));
        Map<Integer, String> emoji = new HashMap<>();
        for (String[] fields : read("/lexicons/vader/emoji_utf8_lexicon.txt")) {
            // the reference looks emoji up one code point at a time, so longer sequences never match
            if (fields[0].codePointCount(0, fields[0].length()) == 1) emoji.put(fields[0].codePointAt(0), fields[1]);
        }
        return new Vader(lexicon, emoji);
    }

    private static List<String[]> read(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Vader.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the VADER lexicon " + resource + " is missing from the class path");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty()) continue;
                String[] fields = trimmed.split("\t");
                if (fields.length >= 2) rows.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public Scores score(String input) {
        String text = replaceEmoji(input).strip();
        List<String> words = tokens(text);
        boolean capsDiffer = someButNotAllUpper(words);
        List<Double> sentiments = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String lower = lower(words.get(i));
            boolean kindOf = i < words.size() - 1 && lower.equals("kind") && lower(words.get(i + 1)).equals("of");
            sentiments.add(BOOSTERS.containsKey(lower) || kindOf ? 0.0 : valence(words, i, capsDiffer));
        }
        butCheck(words, sentiments);
        return scoreValence(sentiments, text);
    }

    /**
     * The lexicon words of a text with their base valence, in order - what drives its score before
     * negation, boosters, capitals, "but" and punctuation adjust it - e.g. {@code ["love +3.2", "boring -1.3"]}.
     */
    public List<String> drivers(String input) {
        List<String> drivers = new ArrayList<>();
        for (String word : tokens(replaceEmoji(input).strip())) {
            Double base = lexicon.get(lower(word));
            if (base != null && base != 0) drivers.add(lower(word) + String.format(java.util.Locale.ROOT, " %+.1f", base));
        }
        return drivers;
    }

    /** Emoji become their descriptions, separated from a preceding word by one space. */
    String replaceEmoji(String text) {
        StringBuilder out = new StringBuilder();
        boolean previousSpace = true;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            String description = emoji.get(codePoint);
            if (description != null) {
                if (!previousSpace) out.append(' ');
                out.append(description);
                previousSpace = false;
            } else {
                out.appendCodePoint(codePoint);
                previousSpace = codePoint == ' ';
            }
        }
        return out.toString();
    }

    /** Whitespace-separated words, with leading and trailing punctuation removed unless that leaves two characters or fewer (emoticons). */
    static List<String> tokens(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.split("(?U)\\s+")) {
            if (token.isEmpty()) continue;
            int from = 0;
            int to = token.length();
            while (from < to && PUNCTUATION.indexOf(token.charAt(from)) >= 0) from++;
            while (to > from && PUNCTUATION.indexOf(token.charAt(to - 1)) >= 0) to--;
            // Python counts code points, not UTF-16 units
            words.add(token.codePointCount(from, to) <= 2 ? token : token.substring(from, to));
        }
        return words;
    }

    private double valence(List<String> words, int i, boolean capsDiffer) {
        String word = words.get(i);
        String lower = lower(word);
        Double base = lexicon.get(lower);
        if (base == null) return 0.0;
        double valence = base;
        if (lower.equals("no") && i != words.size() - 1 && lexicon.containsKey(lower(words.get(i + 1)))) valence = 0.0;
        if ((i > 0 && lower(words.get(i - 1)).equals("no")) || (i > 1 && lower(words.get(i - 2)).equals("no"))
                || (i > 2 && lower(words.get(i - 3)).equals("no") && List.of("or", "nor").contains(lower(words.get(i - 1))))) {
            valence = base * NEGATION;
        }
        if (isUpper(word) && capsDiffer) valence += valence > 0 ? CAPS : -CAPS;
        for (int back = 0; back < 3; back++) {
            if (i > back && !lexicon.containsKey(lower(words.get(i - (back + 1))))) {
                double scalar = scalarIncDec(words.get(i - (back + 1)), valence, capsDiffer);
                if (back == 1 && scalar != 0) scalar *= 0.95;
                if (back == 2 && scalar != 0) scalar *= 0.9;
                valence += scalar;
                valence = negationCheck(valence, words, back, i);
                if (back == 2) valence = specialIdioms(valence, words, i);
            }
        }
        return leastCheck(valence, words, i);
    }

    private static double scalarIncDec(String word, double valence, boolean capsDiffer) {
        Double booster = BOOSTERS.get(lower(word));
        if (booster == null) return 0.0;
        double scalar = valence < 0 ? -booster : booster;
        if (isUpper(word) && capsDiffer) scalar += valence > 0 ? CAPS : -CAPS;
        return scalar;
    }

    private static double negationCheck(double valence, List<String> words, int back, int i) {
        String one = lower(words.get(i - 1));
        if (back == 0) {
            if (negated(one)) valence *= NEGATION;
        } else if (back == 1) {
            String two = lower(words.get(i - 2));
            if (two.equals("never") && (one.equals("so") || one.equals("this"))) valence *= 1.25;
            else if (two.equals("without") && one.equals("doubt")) return valence;
            else if (negated(two)) valence *= NEGATION;
        } else {
            String two = lower(words.get(i - 2));
            String three = lower(words.get(i - 3));
            if ((three.equals("never") && (two.equals("so") || two.equals("this"))) || one.equals("so") || one.equals("this")) {
                valence *= 1.25;
            } else if (three.equals("without") && (two.equals("doubt") || one.equals("doubt"))) {
                return valence;
            } else if (negated(three)) {
                valence *= NEGATION;
            }
        }
        return valence;
    }

    private static boolean negated(String lowerWord) {
        return NEGATE.contains(lowerWord) || lowerWord.contains("n't");
    }

    private static double specialIdioms(double valence, List<String> words, int i) {
        String w0 = lower(words.get(i));
        String w1 = lower(words.get(i - 1));
        String w2 = lower(words.get(i - 2));
        String w3 = lower(words.get(i - 3));
        for (String sequence : List.of(w1 + " " + w0, w2 + " " + w1 + " " + w0, w2 + " " + w1, w3 + " " + w2 + " " + w1, w3 + " " + w2)) {
            Double special = SPECIAL_CASES.get(sequence);
            if (special != null) {
                valence = special;
                break;
            }
        }
        if (words.size() - 1 > i) {
            Double special = SPECIAL_CASES.get(w0 + " " + lower(words.get(i + 1)));
            if (special != null) valence = special;
        }
        if (words.size() - 1 > i + 1) {
            Double special = SPECIAL_CASES.get(w0 + " " + lower(words.get(i + 1)) + " " + lower(words.get(i + 2)));
            if (special != null) valence = special;
        }
        for (String nGram : List.of(w3 + " " + w2 + " " + w1, w3 + " " + w2, w2 + " " + w1)) {
            Double booster = BOOSTERS.get(nGram);
            if (booster != null) valence += booster;
        }
        return valence;
    }

    private double leastCheck(double valence, List<String> words, int i) {
        if (i > 1 && !lexicon.containsKey(lower(words.get(i - 1))) && lower(words.get(i - 1)).equals("least")) {
            String before = lower(words.get(i - 2));
            if (!before.equals("at") && !before.equals("very")) valence *= NEGATION;
        } else if (i > 0 && !lexicon.containsKey(lower(words.get(i - 1))) && lower(words.get(i - 1)).equals("least")) {
            valence *= NEGATION;
        }
        return valence;
    }

    /**
     * "but": words before it count half, words after it half again as much. Replays the reference's
     * list walk exactly, which rescales the first entry equal to each value rather than the entry itself.
     */
    private static void butCheck(List<String> words, List<Double> sentiments) {
        int but = -1;
        for (int i = 0; i < words.size() && but < 0; i++) if (lower(words.get(i)).equals("but")) but = i;
        if (but < 0) return;
        for (int k = 0; k < sentiments.size(); k++) {
            double sentiment = sentiments.get(k);
            int first = sentiments.indexOf(sentiment);
            if (first < but) sentiments.set(first, sentiment * 0.5);
            else if (first > but) sentiments.set(first, sentiment * 1.5);
        }
    }

    private static Scores scoreValence(List<Double> sentiments, String text) {
        if (sentiments.isEmpty()) return new Scores(0, 0, 0, 0);
        double sum = 0;
        for (double s : sentiments) sum += s;
        double emphasis = punctuationEmphasis(text);
        if (sum > 0) sum += emphasis;
        else if (sum < 0) sum -= emphasis;
        double compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + 15)));
        double positive = 0;
        double negative = 0;
        int neutral = 0;
        for (double s : sentiments) {
            if (s > 0) positive += s + 1;
            if (s < 0) negative += s - 1;
            if (s == 0) neutral++;
        }
        if (positive > Math.abs(negative)) positive += emphasis;
        else if (positive < Math.abs(negative)) negative -= emphasis;
        double total = positive + Math.abs(negative) + neutral;
        return new Scores(round(compound, 4), round(Math.abs(positive / total), 3), round(Math.abs(neutral / total), 3),
                round(Math.abs(negative / total), 3));
    }

    private static double punctuationEmphasis(String text) {
        long exclamations = Math.min(4, text.chars().filter(c -> c == '!').count());
        long questions = text.chars().filter(c -> c == '?').count();
        double questionEmphasis = questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0;
        return exclamations * 0.292 + questionEmphasis;
    }

    /** Python's round(): the exact binary value rounded half to even. */
    static double round(double value, int digits) {
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    /** Python's str.isupper(): at least one cased character and no lower-case one. */
    static boolean isUpper(String word) {
        boolean cased = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c) || Character.isTitleCase(c)) return false;
            if (Character.isUpperCase(c)) cased = true;
        }
        return cased;
    }

    private static boolean someButNotAllUpper(List<String> words) {
        long upper = words.stream().filter(Vader::isUpper).count();
        long others = words.size() - upper;
        return others > 0 && others < words.size();
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> boosters = new HashMap<>();
        for (String word : ("absolutely amazingly awfully completely considerable considerably decidedly deeply effing enormous "
                + "enormously entirely especially exceptional exceptionally extreme extremely fabulously flipping flippin frackin "
                + "fracking fricking frickin frigging friggin fully fuckin fucking fuggin fugging greatly hella highly hugely "
                + "incredible incredibly intensely major majorly more most particularly purely quite really remarkably so "
                + "substantially thoroughly total totally tremendous tremendously uber unbelievably unusually utter utterly very")
                .split(" ")) {
            boosters.put(word, BOOST);
        }
        for (String word : List.of("almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less",
                "little", "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight",
                "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of")) {
            boosters.put(word, DAMPEN);
        }
        return Map.copyOf(boosters);
    }
}

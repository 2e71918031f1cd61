package dev.lookahead.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * VQA accuracy as the official VQA evaluation computes it (Antol et al. 2015; the VQA v2 evaluation code): for each of
 * the ten human answers, the share min(1, matches among the other nine / 3); the question's accuracy is their mean.
 * Answers are compared after its normalisation - newlines and tabs to spaces, trimmed of what Python counts as white space
 * (the no-break spaces too); and, only when the human answers
 * are not all the same, punctuation handled as it does (a mark beside a space, or any mark in a text with a comma
 * between digits, is dropped; others become spaces; a period not followed by a digit is dropped), number words to digits,
 * articles dropped and contractions given their apostrophes.
 */
public final class VqaAccuracy {
    // The tables below are the VQA evaluation's (BSD-2-Clause, Copyright (c) 2014, Aishwarya Agrawal): see NOTICE.
    private static final List<String> PUNCTUATION = List.of(";", "/", "[", "]", "\"", "{", "}", "(", ")", "=", "+", "\\", "_", "-", ">", "<", "@",
            "`", ",", "?", "!");
    /**
     * The official pattern means to keep a period between digits, but its look-behind is written as a look-ahead, so it
     * drops every period not followed by a digit ("3." loses its period, "1.5" keeps it): that is what is reproduced.
     */
    private static final Pattern PERIOD = Pattern.compile("\\.(?!\\d)");
    private static final Pattern DIGIT_COMMA = Pattern.compile("(\\d)(,)(\\d)");
    private static final Map<String, String> NUMBERS = Map.ofEntries(Map.entry("none", "0"), Map.entry("zero", "0"), Map.entry("one", "1"),
            Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"),
            Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"));
    private static final List<String> ARTICLES = List.of("a", "an", "the");
    private static final Map<String, String> CONTRACTIONS = contractions();

    private VqaAccuracy() {
    }

    /** The question's accuracy for a model's answer against its (ten) human answers. */
    public static double of(String answer, List<String> humans) {
        List<String> gts = new ArrayList<>();
        for (String h : humans) gts.add(clean(h));
        String result = clean(answer);
        if (gts.stream().distinct().count() > 1) {
            gts.replaceAll(VqaAccuracy::normalise);
            result = normalise(result);
        }
        double sum = 0;
        for (int i = 0; i < gts.size(); i++) {
            int matches = 0;
            for (int j = 0; j < gts.size(); j++) if (j != i && gts.get(j).equals(result)) matches++;
            sum += Math.min(1.0, matches / 3.0);
        }
        return gts.isEmpty() ? 0 : sum / gts.size();
    }

    static String clean(String text) {
        return PythonText.strip(text.replace('\n', ' ').replace('\t', ' '));
    }

    /** The evaluation's punctuation step, then its digit-and-article step. */
    public static String normalise(String text) {
        return digitsAndArticles(punctuation(text));
    }

    static String punctuation(String text) {
        String out = text;
        boolean digitComma = DIGIT_COMMA.matcher(text).find();
        for (String p : PUNCTUATION) {
            if (text.contains(p + " ") || text.contains(" " + p) || digitComma) out = out.replace(p, "");
            else out = out.replace(p, " ");
        }
        return removeFirst(PERIOD, out, MAX_PERIODS);
    }

    /**
     * The official code passes {@code re.UNICODE} (32) where Python's {@code sub} takes its count, so at most 32 periods are
     * removed; reproduced.
     */
    private static final int MAX_PERIODS = 32;

    private static String removeFirst(Pattern pattern, String text, int most) {
        java.util.regex.Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int removed = 0;
        while (removed < most && m.find()) {
            m.appendReplacement(out, "");
            removed++;
        }
        m.appendTail(out);
        return out.toString();
    }

    static String digitsAndArticles(String text) {
        List<String> words = new ArrayList<>();
        for (String word : PythonText.split(text.toLowerCase(java.util.Locale.ROOT))) {
            String w = NUMBERS.getOrDefault(word, word);
            if (!ARTICLES.contains(w)) words.add(w);
        }
        words.replaceAll(w -> CONTRACTIONS.getOrDefault(w, w));
        return String.join(" ", words);
    }

    private static Map<String, String> contractions() {
        String[] pairs = {"aint", "ain't", "arent", "aren't", "cant", "can't", "couldve", "could've", "couldnt", "couldn't", "couldn'tve",
            "couldn't've", "couldnt've", "couldn't've", "didnt", "didn't", "doesnt", "doesn't", "dont", "don't", "hadnt", "hadn't", "hadnt've",
            "hadn't've", "hadn'tve", "hadn't've", "hasnt", "hasn't", "havent", "haven't", "hed", "he'd", "hed've", "he'd've", "he'dve", "he'd've",
            "hes", "he's", "howd", "how'd", "howll", "how'll", "hows", "how's", "Id've", "I'd've", "I'dve", "I'd've", "Im", "I'm", "Ive", "I've",
            "isnt", "isn't", "itd", "it'd", "itd've", "it'd've", "it'dve", "it'd've", "itll", "it'll", "let's", "let's", "maam", "ma'am", "mightnt",
            "mightn't", "mightnt've", "mightn't've", "mightn'tve", "mightn't've", "mightve", "might've", "mustnt", "mustn't", "mustve", "must've",
            "neednt", "needn't", "notve", "not've", "oclock", "o'clock", "oughtnt", "oughtn't", "ow's'at", "'ow's'at", "'ows'at", "'ow's'at",
            "'ow'sat", "'ow's'at", "shant", "shan't", "shed've", "she'd've", "she'dve", "she'd've", "she's", "she's", "shouldve", "should've",
            "shouldnt", "shouldn't", "shouldnt've", "shouldn't've", "shouldn'tve", "shouldn't've", "somebody'd", "somebodyd", "somebodyd've",
            "somebody'd've", "somebody'dve", "somebody'd've", "somebodyll", "somebody'll", "somebodys", "somebody's", "someoned", "someone'd",
            "someoned've", "someone'd've", "someone'dve", "someone'd've", "someonell", "someone'll", "someones", "someone's", "somethingd",
            "something'd", "somethingd've", "something'd've", "something'dve", "something'd've", "somethingll", "something'll", "thats", "that's",
            "thered", "there'd", "thered've", "there'd've", "there'dve", "there'd've", "therere", "there're", "theres", "there's", "theyd", "they'd",
            "theyd've", "they'd've", "they'dve", "they'd've", "theyll", "they'll", "theyre", "they're", "theyve", "they've", "twas", "'twas",
            "wasnt", "wasn't", "wed've", "we'd've", "we'dve", "we'd've", "weve", "we've", "werent", "weren't", "whatll", "what'll", "whatre",
            "what're", "whats", "what's", "whatve", "what've", "whens", "when's", "whered", "where'd", "wheres", "where's", "whereve", "where've",
            "whod", "who'd", "whod've", "who'd've", "who'dve", "who'd've", "wholl", "who'll", "whos", "who's", "whove", "who've", "whyll", "why'll",
            "whyre", "why're", "whys", "why's", "wont", "won't", "wouldve", "would've", "wouldnt", "wouldn't", "wouldnt've", "wouldn't've",
            "wouldn'tve", "wouldn't've", "yall", "y'all", "yall'll", "y'all'll", "y'allll", "y'all'll", "yall'd've", "y'all'd've", "y'alld've",
            "y'all'd've", "y'all'dve", "y'all'd've", "youd", "you'd", "youd've", "you'd've", "you'dve", "you'd've", "youll", "you'll", "youre",
            "you're", "youve", "you've"};
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return Map.copyOf(map);
    }
}

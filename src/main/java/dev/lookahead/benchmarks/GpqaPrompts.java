package dev.lookahead.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prompts for GPQA questions, in the workbench's own words (the user may edit them into a paper's exact wording): the
 * four options in a seeded order per question, the answer letter kept beside the prompt. Styles: zero-shot, zero-shot
 * chain of thought, and few-shot (solved examples first, each ending with its answer).
 */
public final class GpqaPrompts {
    public static final String LETTERS = "ABCD";

    /** How a prompt asks. */
    public enum Style {
        ZERO_SHOT("zero-shot"), CHAIN_OF_THOUGHT("cot"), FEW_SHOT("few-shot");

        private final String id;

        Style(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Style parse(String text) {
            for (Style s : values()) if (s.id.equalsIgnoreCase(text)) return s;
            throw new IllegalArgumentException("unknown --style '" + text + "'; choose zero-shot, cot or few-shot");
        }
    }

    /** A question with its options in prompt order and the letter of the correct one. */
    public record Shuffled(GpqaRow row, List<String> options, char answer) {
    }

    /** One prompt as {@code gpqa prompts} writes it. */
    public record Prompt(String recordId, String style, String prompt, List<String> options, String answer, String domain, String subdomain) {
    }

    private GpqaPrompts() {
    }

    /** The options in an order drawn from the seed and the question's record id alone, so it is the same on any machine. */
    public static Shuffled shuffle(GpqaRow row, long seed) {
        List<String> options = new ArrayList<>(row.incorrectAnswers());
        options.add(row.correctAnswer());
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + row.recordId().hashCode());
        int[] order = {0, 1, 2, 3};
        for (int i = 3; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<String> shuffled = new ArrayList<>();
        char answer = 'A';
        for (int k = 0; k < 4; k++) {
            shuffled.add(options.get(order[k]));
            if (order[k] == 3) answer = LETTERS.charAt(k);
        }
        return new Shuffled(row, shuffled, answer);
    }

    static String question(Shuffled q) {
        StringBuilder text = new StringBuilder("Question: ").append(q.row().question().strip()).append("\n\nOptions:\n");
        for (int k = 0; k < 4; k++) text.append('(').append(LETTERS.charAt(k)).append(") ").append(q.options().get(k).strip()).append('\n');
        return text.toString();
    }

    /** The prompt for one question; {@code shots} are the solved examples of a few-shot prompt (ignored otherwise). */
    public static Prompt prompt(GpqaRow row, Style style, long seed, List<GpqaRow> shots) {
        Shuffled q = shuffle(row, seed);
        StringBuilder text = new StringBuilder();
        if (style == Style.FEW_SHOT) {
            text.append("Here are solved examples, then a question for you.\n\n");
            for (GpqaRow shot : shots) {
                if (shot.recordId().equals(row.recordId())) continue;
                Shuffled s = shuffle(shot, seed);
                text.append(question(s)).append("\nThe correct answer is (").append(s.answer()).append(").\n\n");
            }
        }
        text.append(question(q)).append('\n');
        if (style == Style.CHAIN_OF_THOUGHT) text.append("Reason it through step by step, then ");
        else text.append("Choose one option and ");
        text.append("end your reply with \"The correct answer is (X)\", X being its letter.");
        return new Prompt(row.recordId(), style.id(), text.toString(), q.options(), String.valueOf(q.answer()), row.domain(), row.subdomain());
    }
}

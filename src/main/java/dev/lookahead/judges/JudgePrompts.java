package dev.lookahead.judges;

import java.util.Map;

/**
 * Judge prompts filled from templates: placeholders in braces ({prompt}, {response}; for pairwise judges {first} and
 * {second}, the responses in the order shown) are replaced by the item's text. The shipped templates are in the
 * project's own words (resources/templates/); a user may give a file with a paper's exact wording instead.
 */
public final class JudgePrompts {
    private JudgePrompts() {
    }

    /** The template with every {name} replaced; a placeholder the values lack is refused with its name. */
    public static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) break;
            int close = template.indexOf('}', open);
            if (close < 0) break;
            String name = template.substring(open + 1, close);
            out.append(template, at, open);
            if (name.matches("[a-z_]+")) {
                String value = values.get(name);
                if (value == null) throw new IllegalArgumentException("the template asks for {" + name + "}, which this input does not give");
                out.append(value);
            } else {
                out.append(template, open, close + 1);
            }
            at = close + 1;
        }
        return out.append(template.substring(at)).toString();
    }
}

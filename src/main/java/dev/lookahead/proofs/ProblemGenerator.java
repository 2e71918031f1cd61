package dev.lookahead.proofs;

import dev.lookahead.proofs.Formula.Atom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates deduction problems in the manner of PrOntoQA-OOD (the PrOntoQA-OOD paper; docs/user-guide.md, "The Proofs panel"): an entity, a chain of
 * fictional concepts the gold proof walks with the tested rule, and distractors.
 *
 * <p>The gold proof is a chain of hops from the entity's starting fact; each hop applies the tested
 * rule once - modus ponens ("Every wumpus is a rompus"), and-introduction then a rule over the
 * conjunction ("Every red wumpus is a rompus"), or-introduction then a rule over the disjunction
 * ("Everything that is a wumpus or a numpus is a rompus"), or a rule to a conjunction then
 * and-elimination. Proof by cases and proof by contradiction are one hop of the given width. Composed
 * proofs mix hop types, at least k of them. Relevant distractors give every node of the path a rule
 * that leads off it, add a second fact about the entity and a rule against the goal; irrelevant ones
 * use only concepts the proof never meets; none removes every unused sentence.
 */
public final class ProblemGenerator {
    public enum Distractors {
        RELEVANT, IRRELEVANT, NONE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Distractors parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    public enum Ordering {
        RANDOM, PREORDER, POSTORDER;

        public static Ordering parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * What to generate.
     *
     * @param ruleTypes for Composed: at least this many distinct hop types (at most 4)
     * @param demos     in-context demonstrations per problem
     * @param ood       demonstrations deliberately use the other rules, never the tested one
     * @param demoHops  hops of the demonstrations (null: as the problem), for depth shifts
     * @param demoWidth width of the demonstrations (null: as the problem), for width shifts
     */
    public record Options(DeductionRule rule, int hops, int width, Distractors distractors, Ordering ordering, int ruleTypes,
                          int demos, boolean ood, Integer demoHops, Integer demoWidth) {
        public Options {
            if (hops < 1) throw new IllegalArgumentException("--hops must be at least 1 (got " + hops + ")");
            if (hops > 8) throw new IllegalArgumentException("--hops is at most 8 (the concept names run out)");
            if (width < 1 || width > 5) throw new IllegalArgumentException("--width must be 1 to 5 (got " + width + ")");
            if (rule == DeductionRule.OR_ELIM && width < 2) throw new IllegalArgumentException("OrElim needs --width 2 or more (cases)");
            if ((rule == DeductionRule.AND_INTRO || rule == DeductionRule.AND_ELIM || rule == DeductionRule.OR_INTRO) && width < 2) {
                throw new IllegalArgumentException(rule.id() + " needs --width 2 or more");
            }
            if (ruleTypes < 1 || ruleTypes > 4) throw new IllegalArgumentException("--rule-types must be 1 to 4 (got " + ruleTypes + ")");
            if (rule == DeductionRule.COMPOSED && hops < ruleTypes) {
                throw new IllegalArgumentException("Composed with " + ruleTypes + " rule types needs --hops " + ruleTypes + " or more");
            }
            if (demos < 0) throw new IllegalArgumentException("--demos cannot be negative");
        }

        int effectiveHops() {
            return rule.oneHop() ? 1 : hops;
        }
    }

    /** The hop types a chain is made of. */
    private enum Hop {
        MODUS_PONENS, AND_INTRO, AND_ELIM, OR_INTRO
    }

    private ProblemGenerator() {
    }

    /** {@code count} problems; problem k depends only on (seed, k). */
    public static List<DeductionProblem> generate(Options options, int count, long seed) {
        List<DeductionProblem> problems = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            Random random = new Random(seed * 1_000_003L + k);
            List<DeductionProblem> demos = new ArrayList<>();
            for (int d = 0; d < options.demos(); d++) demos.add(one(demoOptions(options, d), random, "demo" + d, List.of()));
            problems.add(one(options, random, String.valueOf(k + 1), demos));
        }
        return problems;
    }

    private static Options demoOptions(Options o, int d) {
        DeductionRule rule = o.rule();
        if (o.ood()) {
            List<DeductionRule> others = new ArrayList<>();
            for (DeductionRule r : DeductionRule.values()) if (r != o.rule() && r != DeductionRule.COMPOSED) others.add(r);
            rule = others.get(d % others.size());
        }
        int hops = o.demoHops() != null ? o.demoHops() : o.hops();
        int width = o.demoWidth() != null ? o.demoWidth() : o.width();
        if (rule == DeductionRule.OR_ELIM || rule == DeductionRule.AND_INTRO || rule == DeductionRule.AND_ELIM || rule == DeductionRule.OR_INTRO) {
            width = Math.max(2, width);
        }
        if (rule == DeductionRule.COMPOSED) hops = Math.max(hops, o.ruleTypes());
        return new Options(rule, hops, width, o.distractors(), o.ordering(), o.ruleTypes(), 0, false, null, null);
    }

    private static DeductionProblem one(Options options, Random random, String id, List<DeductionProblem> demos) {
        Builder b = new Builder(options, random);
        switch (options.rule()) {
            case OR_ELIM -> b.proofByCases();
            case PROOF_BY_CONTRA -> b.proofByContradiction();
            default -> b.chain();
        }
        return b.build(id, demos);
    }

    /** One problem under construction. */
    private static final class Builder {
        private final Options options;
        private final Random random;
        private final English english;
        private final String entity;
        private final Deque<String> concepts = new ArrayDeque<>();
        private final Deque<String> properties = new ArrayDeque<>();
        /** Rules (and other general sentences) in the order of the path, distractors after their branch point. */
        private final List<Formula> theory = new ArrayList<>();
        private final List<Formula> facts = new ArrayList<>();
        private final List<Line> proof = new ArrayList<>();
        private final boolean relevant;
        private final boolean anyDistractors;

        private sealed interface Line {
        }

        private record Stated(Formula formula) implements Line {
        }

        private record Assumed(Formula formula) implements Line {
        }

        private record Contradicted(Formula formula) implements Line {
        }

        private record Since(Formula premise, Formula conclusion) implements Line {
        }

        Builder(Options options, Random random) {
            this.options = options;
            this.random = random;
            this.english = new English(random);
            this.entity = Lexicon.NAMES.get(random.nextInt(Lexicon.NAMES.size()));
            // the proof walks the study's concepts; irrelevant distractors take held-back ones from the other end
            concepts.addAll(shuffled(Lexicon.CONCEPTS));
            concepts.addAll(shuffled(Lexicon.HELD_BACK));
            // one property per family first, so that a node never gets two colours
            List<List<String>> families = new ArrayList<>(Lexicon.PROPERTY_FAMILIES);
            Collections.shuffle(families, random);
            List<String> firstRound = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (List<String> family : families) {
                List<String> words = new ArrayList<>(family);
                Collections.shuffle(words, random);
                firstRound.add(words.get(0));
                rest.addAll(words.subList(1, words.size()));
            }
            Collections.shuffle(rest, random);
            properties.addAll(firstRound);
            properties.addAll(rest);
            relevant = options.distractors() == Distractors.RELEVANT;
            anyDistractors = options.distractors() != Distractors.NONE;
        }

        private String concept() {
            return concepts.pop();
        }

        /** A concept for a distractor: held back (never near the proof) when distractors are irrelevant. */
        private String distractorConcept() {
            return relevant ? concepts.pop() : concepts.pollLast();
        }

        private String property() {
            return properties.pop();
        }

        private Atom of(String predicate) {
            return Formula.atom(predicate, entity);
        }

        private static Formula x(String predicate) {
            return Formula.atom(predicate);
        }

        /** A hop chain from the entity's starting fact: the tested rule once per hop. */
        void chain() {
            List<Hop> hops = hopTypes();
            String current = concept();
            if (options.rule() == DeductionRule.AND_ELIM) {
                Formula start = Formula.and(shuffled(withConcept(newProperties(options.width() - 1), current)).stream()
                        .map(c -> (Formula) of(c)).toList());
                facts.add(start);
                proof.add(new Stated(start));
                proof.add(new Stated(of(current)));
            } else {
                facts.add(of(current));
                proof.add(new Stated(of(current)));
            }
            Formula goal = of(current);
            for (int i = 0; i < hops.size(); i++) {
                boolean last = i == hops.size() - 1;
                String next = concept();
                branchOff(current);
                switch (hops.get(i)) {
                    case MODUS_PONENS -> {
                        Formula consequent = x(next);
                        if (last && options.rule() == DeductionRule.MODUS_PONENS && random.nextBoolean()) {
                            // the paper's questions often end on a (negated) property: "Sally is not windy"
                            String property = property();
                            consequent = random.nextInt(10) < 7 ? Formula.not(x(property)) : x(property);
                            next = null;
                            goal = consequent.substitute(Formula.X, new Formula.Constant(entity));
                        }
                        addRule(Formula.rule(x(current), consequent));
                        if (next != null) goal = of(next);
                        proof.add(new Stated(goal));
                    }
                    case AND_INTRO -> {
                        List<String> props = newProperties(Math.max(1, options.width() - 1));
                        for (String p : props) {
                            facts.add(of(p));
                            proof.add(new Stated(of(p)));
                        }
                        List<String> conjuncts = withConcept(props, current);
                        proof.add(new Stated(Formula.and(conjuncts.stream().map(c -> (Formula) of(c)).toList())));
                        addRule(Formula.rule(Formula.and(conjuncts.stream().map(Builder::x).toList()), x(next)));
                        if (relevant) {
                            String other = property();
                            facts.add(of(other));
                            theory.add(Formula.rule(Formula.and(List.of(x(other), x(current))), x(distractorConcept())));
                        }
                        goal = of(next);
                        proof.add(new Stated(goal));
                    }
                    case OR_INTRO -> {
                        List<Formula> disjuncts = new ArrayList<>();
                        for (int k = 0; k < Math.max(1, options.width() - 1); k++) disjuncts.add(x(concept()));
                        disjuncts.add(x(current));
                        Formula grounded = Formula.or(disjuncts).substitute(Formula.X, new Formula.Constant(entity));
                        proof.add(new Stated(grounded));
                        addRule(Formula.rule(Formula.or(disjuncts), x(next)));
                        goal = of(next);
                        proof.add(new Stated(goal));
                    }
                    case AND_ELIM -> {
                        List<String> conjuncts = shuffled(withConcept(newProperties(Math.max(1, options.width() - 1)), next));
                        Formula consequent = Formula.and(conjuncts.stream().map(Builder::x).toList());
                        addRule(Formula.rule(x(current), consequent));
                        proof.add(new Stated(consequent.substitute(Formula.X, new Formula.Constant(entity))));
                        goal = of(next);
                        proof.add(new Stated(goal));
                    }
                }
                if (next == null) break;
                current = next;
            }
            aboutTheGoal(goal);
        }

        /** The rule used on the gold path, restated in the proof. */
        private void addRule(Formula rule) {
            theory.add(rule);
            proof.add(new Stated(rule));
        }

        private List<Hop> hopTypes() {
            int count = options.rule() == DeductionRule.AND_ELIM ? options.hops() - 1 : options.hops();
            Hop single = switch (options.rule()) {
                case AND_INTRO -> Hop.AND_INTRO;
                case AND_ELIM -> Hop.AND_ELIM;
                case OR_INTRO -> Hop.OR_INTRO;
                default -> Hop.MODUS_PONENS;
            };
            List<Hop> hops = new ArrayList<>();
            if (options.rule() != DeductionRule.COMPOSED) {
                for (int i = 0; i < count; i++) hops.add(single);
                return hops;
            }
            List<Hop> kinds = new ArrayList<>(List.of(Hop.values()));
            Collections.shuffle(kinds, random);
            hops.addAll(kinds.subList(0, options.ruleTypes()));
            while (hops.size() < count) hops.add(kinds.get(random.nextInt(options.ruleTypes())));
            Collections.shuffle(hops, random);
            return hops;
        }

        /** A relevant distractor: a rule from the path's node that leads off the path. */
        private void branchOff(String node) {
            if (!anyDistractors) return;
            String from = relevant ? node : distractorConcept();
            theory.add(Formula.rule(x(from), random.nextBoolean() ? x(distractorConcept()) : Formula.not(x(property()))));
        }

        /** A second fact about the entity with a rule of its own, and a rule that denies the goal. */
        private void aboutTheGoal(Formula goal) {
            if (!anyDistractors) return;
            String other = distractorConcept();
            facts.add(of(other));
            theory.add(Formula.rule(x(relevant ? other : distractorConcept()), x(distractorConcept())));
            if (goal instanceof Atom a) {
                theory.add(Formula.rule(x(distractorConcept()), Formula.not(x(relevant ? a.predicate() : distractorConcept()))));
            } else if (goal instanceof Formula.Not n && n.operand() instanceof Atom a) {
                theory.add(Formula.rule(x(distractorConcept()), x(relevant ? a.predicate() : distractorConcept())));
            }
        }

        /** Proof by cases over {@code width} disjuncts (one hop). */
        void proofByCases() {
            List<String> cases = new ArrayList<>();
            for (int k = 0; k < options.width(); k++) cases.add(concept());
            String target = concept();
            Formula disjunction = Formula.or(cases.stream().map(c -> (Formula) of(c)).toList());
            facts.add(disjunction);
            for (String c : cases) {
                Formula rule = Formula.rule(x(c), x(target));
                theory.add(rule);
                proof.add(new Assumed(of(c)));
                proof.add(new Stated(rule));
                proof.add(new Stated(of(target)));
            }
            proof.add(new Since(disjunction, of(target)));
            if (anyDistractors) {
                List<Formula> others = new ArrayList<>();
                String elsewhere = distractorConcept();
                for (int k = 0; k < options.width(); k++) {
                    String c = distractorConcept();
                    others.add(relevant ? of(c) : of(distractorConcept()));
                    theory.add(Formula.rule(x(c), x(elsewhere)));
                }
                facts.add(Formula.or(others));
                theory.add(Formula.rule(x(relevant ? target : distractorConcept()), x(distractorConcept())));
            }
        }

        /** Proof by contradiction: the entity is none of {@code width} concepts that would make it what it is not. */
        void proofByContradiction() {
            List<String> cases = new ArrayList<>();
            for (int k = 0; k < options.width(); k++) cases.add(concept());
            String target = concept();
            Formula denied = Formula.not(of(target));
            facts.add(denied);
            Formula antecedent = Formula.or(cases.stream().map(Builder::x).toList());
            Formula rule = Formula.rule(antecedent, x(target));
            theory.add(rule);
            List<Formula> negations = new ArrayList<>();
            for (String c : cases) {
                proof.add(new Assumed(of(c)));
                if (cases.size() > 1) proof.add(new Stated(antecedent.substitute(Formula.X, new Formula.Constant(entity))));
                proof.add(new Stated(rule));
                proof.add(new Stated(of(target)));
                proof.add(new Contradicted(denied));
                proof.add(new Stated(Formula.not(of(c))));
                negations.add(0, Formula.not(of(c)));
            }
            if (negations.size() > 1) proof.add(new Stated(Formula.and(negations)));
            if (anyDistractors) {
                String other = distractorConcept();
                facts.add(Formula.not(of(relevant ? other : distractorConcept())));
                theory.add(Formula.rule(x(distractorConcept()), x(other)));
                theory.add(Formula.rule(x(relevant ? target : distractorConcept()), x(distractorConcept())));
            }
        }

        private List<String> newProperties(int count) {
            List<String> out = new ArrayList<>();
            for (int k = 0; k < count; k++) out.add(property());
            return out;
        }

        /** Properties (adjectives) first and the concept last: the order "red small wumpus" reads in. */
        private static List<String> withConcept(List<String> props, String concept) {
            List<String> all = new ArrayList<>(props);
            all.add(concept);
            return all;
        }

        private <T> List<T> shuffled(List<T> list) {
            List<T> copy = new ArrayList<>(list);
            Collections.shuffle(copy, random);
            return copy;
        }

        DeductionProblem build(String id, List<DeductionProblem> demos) {
            List<Formula> ordered = new ArrayList<>(theory);
            switch (options.ordering()) {
                case PREORDER -> {
                }
                case POSTORDER -> Collections.reverse(ordered);
                case RANDOM -> Collections.shuffle(ordered, random);
            }
            List<Formula> entityFacts = shuffled(facts);
            Map<Formula, String> written = new HashMap<>();
            List<String> context = new ArrayList<>();
            for (Formula f : ordered) context.add(written.computeIfAbsent(f, english::sentence));
            for (Formula f : entityFacts) context.add(written.computeIfAbsent(f, english::sentence));
            List<String> gold = new ArrayList<>();
            Formula goal = null;
            for (Line line : proof) {
                switch (line) {
                    case Stated s -> {
                        gold.add(written.computeIfAbsent(s.formula(), english::sentence));
                        goal = s.formula();
                    }
                    case Assumed a -> gold.add(english.assumption(a.formula()));
                    case Contradicted c -> gold.add(english.contradiction(c.formula()));
                    case Since s -> {
                        gold.add(english.since(s.premise(), s.conclusion()));
                        goal = s.conclusion();
                    }
                }
            }
            String query = "Prove: " + english.clause(goal) + ".";
            return new DeductionProblem(id, options.rule().id(), options.effectiveHops(), options.width(), options.distractors().id(),
                    context, query, gold, demos);
        }
    }
}

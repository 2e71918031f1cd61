package dev.lookahead.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.proofs.Formula.And;
import dev.lookahead.proofs.Formula.Atom;
import dev.lookahead.proofs.Formula.Constant;
import dev.lookahead.proofs.Formula.ForAll;
import dev.lookahead.proofs.Formula.Implies;
import dev.lookahead.proofs.Formula.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The named rules the evaluator is built from, each on a hand-made context. */
class ProvabilityRulesTest {
    private static Formula rule(String sentence) {
        try {
            return SentenceParser.formula(sentence);
        } catch (SentenceParser.Unreadable e) {
            throw new AssertionError(sentence, e);
        }
    }

    private static Atom is(String predicate) {
        return new Atom(predicate, new Variable(0));
    }

    @Test
    void aShortcutRuleSpansAtMostTwoContextRules() {
        ProvabilityGraph graph = new ProvabilityGraph(List.of(rule("Every wumpus is a yumpus."), rule("Every yumpus is a zumpus."),
                rule("Every zumpus is a dumpus.")), false);
        Implies twoRules = rule("Every wumpus is a zumpus.").asRule();
        Implies threeRules = rule("Every wumpus is a dumpus.").asRule();
        assertThat(graph.isShortcut(twoRules)).isTrue();
        assertThat(graph.isShortcut(threeRules)).isFalse();
    }

    @Test
    void thePathLengthIsTheFirstADepthFirstSearchMeetsNotTheShortest() {
        Formula first = rule("Every wumpus is a yumpus.");
        ProvabilityGraph graph = new ProvabilityGraph(List.of(first, rule("Every wumpus is a zumpus."), rule("Every zumpus is a dumpus."),
                rule("Every dumpus is a numpus."), rule("Every yumpus is a numpus.")), false);
        Atom wumpus = (Atom) first.asRule().antecedent();
        Atom numpus = (Atom) rule("Every yumpus is a numpus.").asRule().consequent();
        // through yumpus it is two rules, but the search goes down the zumpus branch first and meets numpus after three
        assertThat(graph.pathLength(wumpus, numpus)).isEqualTo(3);
    }

    @Test
    void aLaterRuleWithTheSameAntecedentExtendsAConjunctiveConsequentInPlaceUnlessFixed() {
        List<Formula> context = List.of(rule("Shumpuses are floral and gorpuses."), rule("Shumpuses are not sunny."));
        Formula extended = new ProvabilityGraph(context, false).axioms().get(0);
        assertThat(((And) extended.asRule().consequent()).operands()).hasSize(3);
        assertThat(new ProvabilityGraph(context, true).axioms()).isEqualTo(context);
    }

    @Test
    void aFailedMatchKeepsWhatItBoundBeforeFailing() {
        Unification match = new Unification();
        Formula pattern = new And(List.of(is("wumpus"), is("yumpus")));
        Formula half = new And(List.of(new Atom("wumpus", new Constant("Fae")), new Atom("zumpus", new Constant("Fae"))));
        assertThat(match.matches(half, pattern)).isFalse();
        assertThat(match.boundTo(new Variable(0))).isEqualTo(new Constant("Fae"));
        assertThat(match.matches(new Atom("yumpus", new Constant("Rex")), is("yumpus"))).isFalse();
    }

    @Test
    void anAssumptionIsNotTheSameStepAsTheStatementOfItsFormula() {
        Formula fact = new Atom("wumpus", new Constant("Fae"));
        assertThat(ProofStep.assumed(fact)).isNotEqualTo(ProofStep.stated(fact));
        assertThat(ProofStep.stated(fact).states(fact)).isTrue();
        assertThat(ProofStep.assumed(fact).statement()).isNull();
    }

    @Test
    void aRuleIsAUniversalImplication() {
        assertThat(rule("Every wumpus is a yumpus.")).isInstanceOf(ForAll.class);
    }
}

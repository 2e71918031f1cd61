package dev.lookahead.proofs;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of the deduction problems: common nouns with their plurals (the fictional concepts, and
 * the real ones that models like to write), the entity names, and the property families. Any other
 * lower-case word in a predicate position reads as an adjective (a property), as in the reference
 * parser, so properties need no list to be parsed.
 */
public final class Lexicon {
    // The word lists below are PrOntoQA's (Apache-2.0, Copyright 2017 Abulhair Saparov): see NOTICE.
    /** Concepts the generator builds ontologies from (the PrOntoQA-OOD paper; docs/user-guide.md, "The Proofs panel"). */
    public static final List<String> CONCEPTS = List.of("wumpus", "yumpus", "zumpus", "dumpus", "rompus", "numpus", "tumpus",
            "vumpus", "impus", "jompus", "gorpus", "shumpus", "lempus", "sterpus", "grimpus", "lorpus", "brimpus");

    /** Concepts held back for irrelevant distractors: the gold proof never mentions them. */
    public static final List<String> HELD_BACK = List.of("timpus", "yimpus", "carpus", "zhompus", "rempus", "fompus", "fimpus",
            "terpus", "gerpus", "kerpus", "sherpus", "perpus", "bompus", "orpus", "welpus", "jelpus", "felpus", "dolpus");

    public static final List<String> NAMES = List.of("Fae", "Rex", "Sally", "Max", "Alex", "Sam", "Polly", "Stella", "Wren");

    /** Property families: an ontology node takes at most one property of a family. */
    public static final List<List<String>> PROPERTY_FAMILIES = List.of(
            List.of("blue", "red", "brown", "orange"),
            List.of("small", "large"),
            List.of("metallic", "wooden", "luminous", "liquid"),
            List.of("transparent", "opaque"),
            List.of("nervous", "happy", "feisty", "shy"),
            List.of("bright", "dull"),
            List.of("sweet", "sour", "spicy", "bitter"),
            List.of("floral", "fruity", "earthy"),
            List.of("hot", "cold", "temperate"),
            List.of("kind", "mean", "angry", "amenable", "aggressive"),
            List.of("windy", "snowy", "rainy", "sunny"));

    /** Further nouns a model may write (the reference's list of real-ontology and overgenerated nouns). */
    private static final List<String> OTHER_NOUNS = List.of("animal", "bilaterian", "chordate", "vertebrate", "mammal",
            "carnivore", "feline", "cat", "tabby", "insect", "reptile", "snake", "cow", "dog", "invertebrate", "protostome",
            "arthropod", "lepidopteran", "butterfly", "painted lady", "mollusc", "nematode", "whale", "crustacean", "spider",
            "ant", "moth", "plant", "vascular plant", "angiosperm", "eudicot", "rosid", "rose", "conifer", "cabbage", "asterid",
            "carrot", "number", "real number", "integer", "natural number", "prime number", "function", "imaginary number",
            "complex number", "fraction", "negative number", "composite number", "even number", "object", "thing", "bird",
            "cell", "figure", "cricket", "crow", "fruit", "spruce", "tree", "color", "herbivore", "shepherd", "icon", "bumblebee",
            "yumpus", "stirpus", "chorpus", "scrompus", "dropus", "quimpus", "zilpus", "frompus", "porpus", "kurpus", "shampus",
            "werpus", "zhimpus", "yempus", "jempus", "folpus", "drompus", "delpus", "lompus", "wolpus", "shimpus", "rimpus",
            "twimpus", "serpus", "daumpus", "thorpus", "borpus", "rofpus", "bempus", "dulpus", "harpus", "lirpus", "yompus",
            "stopus", "sarpus", "irpus", "parpus", "arpus", "hilpus", "gompus", "dalpus", "umpus", "rifpus", "storpus", "shalpus",
            "yerpus", "ilpus", "boompus", "phorpus", "prilpus", "gwompus", "urpus", "shilpus", "zhorpus", "rorpus", "lerpus",
            "worpus", "sorpus");

    private static final Map<String, String> IRREGULAR_PLURALS = Map.of("sheep", "sheep", "bacteria", "bacteria",
            "person", "people", "fish", "fishes", "food", "food", "worpus", "worpus", "sorpus", "sorpus");

    private static final Map<String, String> PLURAL = new LinkedHashMap<>();
    private static final Map<String, String> SINGULAR = new HashMap<>();
    private static final Set<String> NAME_SET = Set.copyOf(NAMES);

    static {
        for (List<String> nouns : List.of(CONCEPTS, HELD_BACK, OTHER_NOUNS, List.copyOf(IRREGULAR_PLURALS.keySet()))) {
            for (String noun : nouns) {
                if (PLURAL.containsKey(noun)) continue;
                String plural = IRREGULAR_PLURALS.getOrDefault(noun, regularPlural(noun));
                PLURAL.put(noun, plural);
                SINGULAR.putIfAbsent(plural, noun);
            }
        }
    }

    private Lexicon() {
    }

    private static String regularPlural(String noun) {
        if (noun.endsWith("s") || noun.endsWith("sh") || noun.endsWith("ch") || noun.endsWith("x")) return noun + "es";
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }

    public static boolean isNoun(String word) {
        return PLURAL.containsKey(word);
    }

    public static boolean isPluralNoun(String word) {
        return SINGULAR.containsKey(word);
    }

    /** The singular of a plural noun, or null. */
    public static String singular(String plural) {
        return SINGULAR.get(plural);
    }

    public static String plural(String noun) {
        String plural = PLURAL.get(noun);
        if (plural == null) throw new IllegalArgumentException("'" + noun + "' is not a known noun");
        return plural;
    }

    public static boolean isName(String word) {
        return NAME_SET.contains(word);
    }

    /** Whether the word is a noun of two words ("painted lady") when followed by {@code next}. */
    public static String compound(String word, String next) {
        String both = word + " " + next;
        return PLURAL.containsKey(both) || SINGULAR.containsKey(both) ? both : null;
    }
}

package dev.lookahead.ui.explorer;

import dev.lookahead.search.Example;
import dev.lookahead.search.ExampleGenerator;
import dev.lookahead.search.GenerationSpec;
import java.util.ArrayList;
import java.util.List;

/** A seeded stream of examples that can be stepped back and forth; the same seed replays the same stream. */
final class ExampleStream {
    private final GenerationSpec spec;
    private final long seed;
    private final ExampleGenerator generator;
    private final List<Example> seen = new ArrayList<>();
    private int index = -1;

    ExampleStream(GenerationSpec spec, long seed) {
        this.spec = spec;
        this.seed = seed;
        this.generator = new ExampleGenerator(spec, seed);
    }

    Example next() {
        index++;
        if (index == seen.size()) seen.add(generator.next());
        return seen.get(index);
    }

    Example previous() {
        if (index > 0) index--;
        return seen.get(index);
    }

    boolean hasPrevious() {
        return index > 0;
    }

    /** 1-based position of the current example in the stream. */
    int position() {
        return index + 1;
    }

    GenerationSpec spec() {
        return spec;
    }

    long seed() {
        return seed;
    }
}

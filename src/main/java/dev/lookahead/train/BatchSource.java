package dev.lookahead.train;

import dev.lookahead.search.Example;
import dev.lookahead.search.ExampleGenerator;
import dev.lookahead.search.GenerationSpec;
import dev.lookahead.search.InContextExample;
import dev.lookahead.search.InContextSets;
import dev.lookahead.search.TokenRow;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Training batches made on the fly by a background thread, a few ahead of the trainer. Batch k is
 * drawn from generators seeded by (run seed, k) alone, so a resumed run sees exactly the batches the
 * uninterrupted run would have. Reserved inputs (the standard test sets) are never produced.
 */
final class BatchSource implements AutoCloseable {
    /**
     * One batch: tokens [batch * n] row-major, the label and useful next steps (the accepted answers, for an in-context
     * task) of each example, and its lookahead (its backtrack for dfs, its frontier size for si).
     */
    record Batch(long index, int[] tokens, int[] labels, int[][] usefulNext, int[] lookahead) {
        int size() {
            return labels.length;
        }
    }

    private static final int AHEAD = 6;

    private final TrainingConfig config;
    private final int maxLookahead;
    private final Set<TokenRow> reserved;
    private final List<GenerationSpec> specs;
    private final int batchSize;
    private final long seed;
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(AHEAD);
    private final Thread producer;

    /** Batches from {@code firstIndex} on, with lookaheads up to {@code maxLookahead}. */
    BatchSource(TrainingConfig config, int maxLookahead, Set<TokenRow> reserved, long firstIndex) {
        this.config = config;
        this.maxLookahead = maxLookahead;
        this.reserved = reserved;
        this.specs = config.task().inContext() ? List.of() : config.distributions().stream()
                .map(d -> GenerationSpec.training(config.model().layout(), d, maxLookahead).withMode(config.mode()).withReserved(reserved))
                .toList();
        this.batchSize = config.batch();
        this.seed = config.seed();
        producer = new Thread(() -> produce(firstIndex), "training-batches");
        producer.setDaemon(true);
        producer.start();
    }

    /** The next batch in index order. */
    Batch take() throws InterruptedException {
        Object next = ready.take();
        if (next instanceof RuntimeException failure) throw failure;
        return (Batch) next;
    }

    static Batch make(List<GenerationSpec> specs, int batchSize, long seed, long index) {
        ExampleGenerator[] generators = new ExampleGenerator[specs.size()];
        for (int d = 0; d < generators.length; d++) {
            generators[d] = new ExampleGenerator(specs.get(d), mix(seed, index, d));
        }
        int n = specs.get(0).layout().n();
        int[] tokens = new int[batchSize * n];
        int[] labels = new int[batchSize];
        int[][] useful = new int[batchSize][];
        int[] lookahead = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            Example example = generators[i % generators.length].next();
            System.arraycopy(example.tokens(), 0, tokens, i * n, n);
            labels[i] = example.label();
            useful[i] = example.usefulNext();
            lookahead[i] = example.lookahead();
        }
        return new Batch(index, tokens, labels, useful, lookahead);
    }

    /**
     * A batch of an in-context task, seeded by (run seed, index) alone: for dfs the backtrack is uniform in 0..the
     * curriculum's largest (the paper's rule), for si every allowed frontier and branch size is drawn.
     */
    static Batch makeInContext(TrainingConfig config, int maxLookahead, Set<TokenRow> reserved, long index) {
        var layout = config.model().layout();
        var choice = new InContextSets.Choice(config.task(), null, maxLookahead, false, null, null);
        InContextSets.Source source = InContextSets.source(layout, choice, reserved, mix(config.seed(), index, 0));
        int n = layout.n();
        int size = config.batch();
        int[] tokens = new int[size * n];
        int[] labels = new int[size];
        int[][] accepted = new int[size][];
        int[] bucket = new int[size];
        for (int i = 0; i < size; i++) {
            InContextExample example = source.next();
            System.arraycopy(example.tokens(), 0, tokens, i * n, n);
            labels[i] = example.label();
            accepted[i] = example.accepted();
            bucket[i] = example.backtrack() != null ? example.backtrack() : example.frontierSize();
        }
        return new Batch(index, tokens, labels, accepted, bucket);
    }

    private void produce(long index) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                ready.put(config.task().inContext() ? makeInContext(config, maxLookahead, reserved, index++) : make(specs, batchSize, seed, index++));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // hand the failure to the trainer rather than leave it waiting for a batch forever
            ready.offer(e instanceof RuntimeException runtime ? runtime : new IllegalStateException("batch generation failed", e));
        }
    }

    /** A well-spread seed for batch {@code index} of distribution {@code d} (SplitMix64 finaliser). */
    static long mix(long seed, long index, int d) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xD1B54A32D192ED03L + d * 0x8CB92BA72F3D8DD7L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() {
        producer.interrupt();
    }
}

package dev.lookahead.train;

import dev.lookahead.stats.Proportion;
import java.util.Map;
import java.util.Optional;

/**
 * Passes every report on to another listener and keeps the last held-out evaluation. The standard listeners evaluate at
 * a run's last step, so whoever ran it can take the finished model's figures from here instead of evaluating it again.
 */
public final class LastEvaluation implements Trainer.Listener {
    private final Trainer.Listener next;
    private Map<String, Proportion> last;

    public LastEvaluation(Trainer.Listener next) {
        this.next = next;
    }

    @Override
    public void progress(TrainingProgress progress) {
        next.progress(progress);
    }

    @Override
    public void evaluated(long examplesSeen, Map<String, Proportion> accuracy) {
        last = Map.copyOf(accuracy);
        next.evaluated(examplesSeen, accuracy);
    }

    @Override
    public void checkpointed(long step) {
        next.checkpointed(step);
    }

    @Override
    public void lookaheadRaised(long examplesSeen, int lookahead) {
        next.lookaheadRaised(examplesSeen, lookahead);
    }

    /** The last evaluation reported, if the loop made one (a run opened already finished takes no step and makes none). */
    public Optional<Map<String, Proportion>> last() {
        return Optional.ofNullable(last);
    }
}

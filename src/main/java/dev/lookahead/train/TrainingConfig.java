package dev.lookahead.train;

import dev.lookahead.model.Initialization;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.GenerationMode;
import dev.lookahead.search.Task;
import java.util.List;

/**
 * Everything that decides a training run; saved with its checkpoints so that a resumed run continues
 * the same one.
 *
 * @param initialization how the new model's projections start (the reference's PyTorch defaults, or DJL's)
 * @param distributions  examples cycle through these (one distribution, or several for a mix)
 * @param curriculum     whether and how the largest training lookahead climbs from 1 ({@link CurriculumRule})
 * @param examples       total training examples
 * @param learningRate   peak learning rate, reached after {@code warmupSteps} and decayed by a cosine
 *                       to a tenth of itself at the end
 * @param clipNorm       gradients are scaled down to this global norm
 * @param evalEvery      held-out evaluation every this many examples
 * @param evalPerLookahead held-out examples per lookahead (and on the naive distribution), or per test bucket of an in-context task
 * @param task           the task trained: search (the distributions above), or the in-context dfs or si task (their own
 *                       generators; {@code maxLookahead} is then the largest backtrack for dfs and unused for si)
 * @param mode           search: first steps only, or every prefix of every shortest path that fits in n tokens
 */
public record TrainingConfig(ModelConfig model, Initialization initialization, List<Distribution> distributions, int maxLookahead,
                             CurriculumRule curriculum, long examples,
                             int batch, float learningRate, int warmupSteps, float weightDecay, float clipNorm,
                             long seed, String device, long evalEvery, int evalPerLookahead, Task task, GenerationMode mode) {

    /** A graph-search run. */
    public TrainingConfig(ModelConfig model, Initialization initialization, List<Distribution> distributions, int maxLookahead,
                          CurriculumRule curriculum, long examples, int batch, float learningRate, int warmupSteps, float weightDecay,
                          float clipNorm, long seed, String device, long evalEvery, int evalPerLookahead) {
        this(model, initialization, distributions, maxLookahead, curriculum, examples, batch, learningRate, warmupSteps, weightDecay,
                clipNorm, seed, device, evalEvery, evalPerLookahead, Task.SEARCH, GenerationMode.FIRST_STEP);
    }

    /** A run of any task on first-step inputs. */
    public TrainingConfig(ModelConfig model, Initialization initialization, List<Distribution> distributions, int maxLookahead,
                          CurriculumRule curriculum, long examples, int batch, float learningRate, int warmupSteps, float weightDecay,
                          float clipNorm, long seed, String device, long evalEvery, int evalPerLookahead, Task task) {
        this(model, initialization, distributions, maxLookahead, curriculum, examples, batch, learningRate, warmupSteps, weightDecay,
                clipNorm, seed, device, evalEvery, evalPerLookahead, task, GenerationMode.FIRST_STEP);
    }

    public TrainingConfig {
        distributions = List.copyOf(distributions);
        if (distributions.isEmpty()) throw new IllegalArgumentException("choose at least one training distribution");
        task = task == null ? Task.SEARCH : task;
        mode = mode == null ? GenerationMode.FIRST_STEP : mode;
        if (task.inContext() && mode != GenerationMode.FIRST_STEP) {
            throw new IllegalArgumentException("--mode all-prefixes belongs to the search task; the " + task.id() + " task writes its own steps");
        }
        if (task == Task.SI && curriculum.active()) {
            throw new IllegalArgumentException("the si task has no curriculum (the paper draws every frontier and branch size from the start);"
                    + " leave out --curriculum");
        }
        if (task == Task.DFS && maxLookahead > dev.lookahead.search.DfsGenerator.traceSlots(model.layout()) - 1) {
            throw new IllegalArgumentException("--max-lookahead is the largest backtrack for dfs: at most T-1 = "
                    + (dev.lookahead.search.DfsGenerator.traceSlots(model.layout()) - 1) + " at n = " + model.n());
        }
        if (task == Task.SEARCH && model.layout().maxVertex() < 4) {
            throw new IllegalArgumentException("n = " + model.n() + " is too small to train: the held-out sets include naive graphs,"
                    + " which need n >= 17 (at least 4 vertex ids)");
        }
        if (batch < 1) throw new IllegalArgumentException("--batch must be positive (got " + batch + ")");
        if (examples < batch) throw new IllegalArgumentException("--examples must be at least one batch (" + batch + ")");
        if (maxLookahead < 1) throw new IllegalArgumentException("--max-lookahead must be at least 1 (got " + maxLookahead + ")");
        if (!(learningRate > 0)) throw new IllegalArgumentException("--lr must be positive (got " + learningRate + ")");
    }

    /** The largest lookahead trained on at first: 1 with the curriculum, else all of them. */
    public int firstLookahead() {
        return curriculum.active() ? 1 : maxLookahead;
    }

    public long totalSteps() {
        return examples / batch;
    }

    /** Linear warm-up, then a cosine from the peak down to a tenth of it. */
    public float learningRateAt(long step) {
        return warmupThenCosine(learningRate, warmupSteps, totalSteps(), step);
    }

    /** The schedule every run here uses: linear warm-up to {@code peak}, then a cosine down to a tenth of it at the last step. */
    public static float warmupThenCosine(float peak, int warmupSteps, long totalSteps, long step) {
        if (step < warmupSteps) return peak * (step + 1) / warmupSteps;
        double progress = Math.min(1.0, (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
        return (float) (peak * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress))));
    }
}

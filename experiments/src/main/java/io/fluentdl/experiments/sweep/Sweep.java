package io.fluentdl.experiments.sweep;

import io.fluentdl.ModelSpec;
import io.fluentdl.search.GridSearch;
import io.fluentdl.search.Goal;
import io.fluentdl.search.Hp;
import io.fluentdl.search.Pruner;
import io.fluentdl.search.RandomSearch;
import io.fluentdl.search.Sampler;
import io.fluentdl.search.Search;
import io.fluentdl.search.SearchSpace;
import io.fluentdl.search.TrainingObjective;
import io.fluentdl.train.Metric;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A parsed sweep file (W&amp;B-style YAML): what to search, how, and on which model template. Read
 * one with {@link SweepParser#parse(Path)}; {@link #space()}, {@link #objective} and {@link #search}
 * turn it into the search library's objects.
 *
 * <pre>{@code
 * Sweep sweep = SweepParser.parse(Path.of("experiments/sweeps/mnist-search.yaml"));
 * SweepModel.Splits data = sweep.model().load(null);
 * SearchResult<ModelSpec> result = sweep.search(data).study(study).run();
 * }</pre>
 *
 * @param name          the sweep's name: study name and output folder
 * @param description   free text, may be empty
 * @param method        RANDOM, GRID, HALTON or BAYES (TPE, {@link io.fluentdl.search.TpeSampler})
 * @param gridPoints    grid: points per real axis (whole-number and categorical axes use every value)
 * @param metric        the score, e.g. val_accuracy
 * @param goal          maximize or minimize (the metric's natural goal unless given)
 * @param params        the searched (and constant) parameters, in file order
 * @param earlyTerminate how bad trials are stopped, or null for never
 * @param model         the model template and data
 * @param trials        trials per round
 * @param seed          the sampler's seed (and the model's unless {@code model.seed} is given)
 * @param workers       trials run at once
 * @param executions    models per trial with different seeds, mean reported
 * @param rounds        coarse-to-fine rounds (1: none)
 * @param topK          trials to narrow around between rounds
 * @param padding       coarse-to-fine margin as a fraction of the current width
 * @param epochBudget   no trial starts once this many epochs were spent (0: no budget)
 * @param maxConsecutiveFailures the search stops with an error after this many failed trials in a row
 */
public record Sweep(String name, String description, Method method, int gridPoints, Metric metric, Goal goal,
                    List<SweepParam> params, EarlyTerminate earlyTerminate, SweepModel model, int trials, long seed,
                    int workers, int executions, int rounds, int topK, double padding, int epochBudget,
                    int maxConsecutiveFailures) {

    /** How trials' points are chosen; BAYES is W&amp;B's name, here a TPE sampler ({@link Sampler#tpe}). */
    public enum Method { RANDOM, GRID, HALTON, BAYES }

    /**
     * The {@code early_terminate:} section.
     *
     * <p>{@code hyperband} means Li et al.'s brackets ({@link io.fluentdl.search.HyperbandPruner}). W&amp;B's
     * own {@code hyperband} is a single bracket (its "brackets" are rungs); {@code asha} is that here.
     *
     * @param type      ASHA (asynchronous successive halving, rungs at min_iter * eta^k epochs), HYPERBAND
     *                  (brackets of it whose first rungs are min_iter * eta^b, up to max_iter), or MEDIAN
     *                  (the median stopping rule after min_iter warm-up epochs)
     * @param minIter   the first rung (ASHA; hyperband's most aggressive bracket) or the warm-up epochs (median)
     * @param maxIter   hyperband: the most epochs a trial trains (default {@code model.epochs}); unused otherwise
     * @param eta       keep the best 1/eta at each rung
     * @param minTrials median: other trials needed at an epoch before comparing
     */
    public record EarlyTerminate(Type type, int minIter, int maxIter, int eta, int minTrials) {
        /** The early-termination rules. */
        public enum Type { HYPERBAND, ASHA, MEDIAN }

        /** The pruner that implements it. */
        public Pruner pruner() {
            switch (type) {
                case MEDIAN:
                    return Pruner.median(minIter, minTrials);
                case HYPERBAND:
                    return Pruner.hyperband(minIter, maxIter, eta);
                default:
                    return Pruner.successiveHalving(minIter, eta);
            }
        }
    }

    public Sweep {
        params = List.copyOf(params);
    }

    /** The same sweep with another number of trials per round (the CLI's {@code --trials}). */
    public Sweep withTrials(int n) {
        return new Sweep(name, description, method, gridPoints, metric, goal, params, earlyTerminate, model, n, seed,
                workers, executions, rounds, topK, padding, epochBudget,
                maxConsecutiveFailures);
    }

    /** The same sweep with another number of workers (the CLI's {@code --workers}). */
    public Sweep withWorkers(int n) {
        return new Sweep(name, description, method, gridPoints, metric, goal, params, earlyTerminate, model, trials, seed,
                n, executions, rounds, topK, padding, epochBudget, maxConsecutiveFailures);
    }

    /** The same sweep with another model template (e.g. fewer epochs or examples for a quick run). */
    public Sweep withModel(SweepModel m) {
        return new Sweep(name, description, method, gridPoints, metric, goal, params, earlyTerminate, m, trials, seed,
                workers, executions, rounds, topK, padding, epochBudget,
                maxConsecutiveFailures);
    }

    /** The parameter that sets {@code knob}, or null. */
    public SweepParam param(Knob knob) {
        return params.stream().filter(p -> p.knob() == knob).findFirst().orElse(null);
    }

    /** The search space: one Hp per parameter, the template of {@link #model()} (dry-run once). */
    public SearchSpace<ModelSpec> space() {
        List<Hp<?>> hps = new ArrayList<>();
        Map<Knob, Hp<?>> byKnob = new EnumMap<>(Knob.class);
        for (SweepParam p : params) {
            Hp<?> hp = p.toHp();
            hps.add(hp);
            byKnob.put(p.knob(), hp);
        }
        return SearchSpace.named(name).params(hps.toArray(new Hp<?>[0])).model(trial -> {
            Map<Knob, Object> values = new EnumMap<>(Knob.class);
            byKnob.forEach((knob, hp) -> {
                Object v = trial.get(hp);
                values.put(knob, knob.type() == Knob.Type.REAL ? (Object) ((Number) v).doubleValue() : v);
            });
            return model.build(name, values);
        });
    }

    /** The sampler for a seed, for the methods other than grid (a grid's sampler needs gridPoints, not a seed). */
    LongFunction<Sampler> sampler() {
        switch (method) {
            case HALTON:
                return Sampler::halton;
            case BAYES:
                return Sampler::tpe;
            default:
                return Sampler::random;
        }
    }

    /** Trains each trial's model on {@code data} for up to {@code model.epochs} epochs and scores it by {@link #metric}. */
    @SuppressWarnings("unchecked")
    public TrainingObjective objective(SweepModel.Splits data) {
        TrainingObjective objective = TrainingObjective.on(data.train(), data.validation())
                .epochs(model.epochs()).metric(metric).executions(executions);
        SweepParam batch = param(Knob.BATCH_SIZE);
        if (batch == null || batch.distribution() == Distribution.CONSTANT) {
            objective.batchSize(batch == null ? (Integer) model.fixed().get(Knob.BATCH_SIZE) : (Integer) batch.values().get(0));
        } else {
            objective.batchSize((Hp<Integer>) batch.toHp()); // Trial.get matches handles by name and kind
        }
        return objective;
    }

    /**
     * The configured search on {@code data}: sampler, trials, seed, workers, objective and goal,
     * pruner, coarse-to-fine rounds and epoch budget. Add a study, resume and listeners, then run.
     */
    public Search<ModelSpec> search(SweepModel.Splits data) {
        SearchSpace<ModelSpec> space = space();
        Search<ModelSpec> s = method == Method.GRID ? GridSearch.over(space, gridPoints) : RandomSearch.over(space);
        if (method != Method.GRID) {
            s = s.sampler(sampler());
        }
        // the objective's metric sets the goal; a file's goal other than the metric's is an error at run
        s = s.trials(trials).seed(seed).workers(workers).objective(objective(data))
                .maxConsecutiveFailures(maxConsecutiveFailures);
        s = goal == Goal.MAXIMIZE ? s.maximize() : s.minimize();
        if (earlyTerminate != null) {
            s = s.pruner(earlyTerminate.pruner());
        }
        if (rounds > 1) {
            s = s.coarseToFine(rounds, topK, padding);
        }
        if (epochBudget > 0) {
            s = s.epochBudget(epochBudget);
        }
        return s;
    }
}

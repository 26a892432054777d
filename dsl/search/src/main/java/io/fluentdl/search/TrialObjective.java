package io.fluentdl.search;

/**
 * What a search optimises: trains and evaluates one trial's model and returns its score.
 *
 * <p>Report metrics after each epoch with {@link EpochReporter#report}; a pruner may stop the trial
 * there by throwing {@link TrialPruned} (let it propagate). Return the final score (the search's
 * {@link Goal} says whether larger or smaller is better). Throwing, or returning NaN or infinity,
 * marks the trial FAIL with the reason, and the search goes on. Tell the search how many epochs
 * a trial trains with {@link Search#epochsPerTrial} (30 below), so that the pruner leaves the last
 * one alone and a trial that trains them all completes.
 *
 * <pre>{@code
 * TrialObjective<ModelSpec> objective = (spec, trial, reporter) -> {
 *     Model model = Model.of(spec);
 *     for (int epoch = 1; epoch <= 30; epoch++) {
 *         model.fitEpoch(train);
 *         reporter.report(epoch, model.evaluate(validation).accuracy());
 *     }
 *     return model.evaluate(validation).accuracy();
 * };
 * }</pre>
 *
 * @param <T> what the space's template builds
 */
@FunctionalInterface
public interface TrialObjective<T> {

    /**
     * @param model    the model the template built for this trial
     * @param trial    the trial's parameters (e.g. to read a batch size that is not part of the model)
     * @param reporter where to report per-epoch metrics
     * @return the trial's score
     */
    double evaluate(T model, Trial trial, EpochReporter reporter) throws Exception;

    /** What {@link #describe()} says for an objective that does not override it: {@value}. */
    String CUSTOM = "custom";

    /**
     * The settings that decide a trial's budget and score, e.g. {@code training(epochs=9, batchSize=32,
     * metric=val_accuracy, executions=1)}: a {@link Study} stores it (with the search's
     * {@link Search#epochsPerTrial} and monitored metric) and a resumed search must match it, so one
     * study never mixes trials trained to two budgets. The default is {@value #CUSTOM} for every
     * objective: its settings are out of sight, and a class name would change with unrelated edits
     * (a lambda's on every run, an anonymous class's when another is added above it), refusing
     * resumes that are fine. Override it to have a resume check your own objective's settings.
     */
    default String describe() {
        return CUSTOM;
    }
}

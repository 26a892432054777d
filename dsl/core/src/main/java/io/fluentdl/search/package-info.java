/**
 * Hyperparameter search: typed {@link io.fluentdl.search.Hp} handles with sound sampling scales,
 * define-by-run {@link io.fluentdl.search.SearchSpace}s, samplers (random, grid, Halton, TPE,
 * coarse-to-fine), pruners (successive halving / ASHA, Hyperband, median stopping), a runner with parallel
 * trials, epoch/time budgets and a persistent study on SQLite; {@link io.fluentdl.search.TrainingObjective}
 * trains each trial's model and scores it by a {@link io.fluentdl.train.Metric}. YAML sweep files
 * (W&amp;B style) are read by {@code io.fluentdl.search.sweep}.
 *
 * <p>Samplers work on the unit cube (one axis per searched Hp); each Hp maps its axis to values.
 * Arbiter types appear only in {@code io.fluentdl.internal.arbiter}.
 */
package io.fluentdl.search;

/**
 * Hyperparameter search: typed {@link io.fluentdl.search.Hp} handles with sound sampling scales,
 * define-by-run {@link io.fluentdl.search.SearchSpace}s, samplers (random, grid, Halton, TPE,
 * coarse-to-fine), pruners (successive halving / ASHA, Hyperband, median stopping), a runner with parallel
 * trials, epoch/time budgets and a persistent study on SQLite or PostgreSQL that workers on many
 * machines share ({@code io.fluentdl.search.storage}); {@link io.fluentdl.search.TrainingObjective}
 * trains each trial's model and scores it by a {@link io.fluentdl.train.Metric}. YAML sweep files
 * (W&amp;B style) are read by the command line ({@code io.fluentdl.experiments.sweep} in the experiments module).
 *
 * <p>Samplers work on the unit cube (one axis per searched Hp); each Hp maps its axis to values through
 * its Arbiter {@code ParameterSpace} ({@code io.fluentdl.internal.arbiter.HpSpaces}). Arbiter types
 * appear in the public API only where interop is the point: {@code Hp.parameterSpace()},
 * {@code Sampler.toArbiter/fromArbiter}, {@link io.fluentdl.search.SearchSpaceAdapter} and
 * {@code Search.over(MultiLayerSpace)} (whose trials are Arbiter's {@code DL4JConfiguration}s); no DL4J
 * type does. This package calls {@code io.fluentdl.internal.arbiter}, never the reverse.
 */
package io.fluentdl.search;

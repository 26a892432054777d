/**
 * Hyperparameter search: typed {@link io.fluentdl.search.Hp} handles with sound sampling scales,
 * define-by-run {@link io.fluentdl.search.SearchSpace}s, samplers (random, grid, Halton,
 * coarse-to-fine), pruners (successive halving / ASHA, median stopping), a runner with parallel
 * trials, and a persistent study on SQLite.
 *
 * <p>Samplers work on the unit cube (one axis per searched Hp); each Hp maps its axis to values.
 * Arbiter types appear only in {@code io.fluentdl.internal.arbiter}.
 */
package io.fluentdl.search;

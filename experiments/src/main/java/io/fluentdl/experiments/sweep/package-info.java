/**
 * YAML sweep files in the spirit of W&amp;B sweeps: {@link io.fluentdl.experiments.sweep.SweepParser} reads
 * {@code method}, {@code metric}, {@code parameters} (distributions including {@code log_uniform} and
 * {@code one_minus_log_uniform}), {@code early_terminate}, {@code coarse_to_fine} and a small
 * {@code model:} template (MNIST or circles MLP) into a {@link io.fluentdl.experiments.sweep.Sweep}, with
 * every error reported by line; the sweep becomes a {@code SearchSpace}, a {@code TrainingObjective}
 * and a configured {@code Search}. Example: {@code experiments/sweeps/mnist-search.yaml}.
 */
package io.fluentdl.experiments.sweep;

/**
 * The run lifecycle of an experiment: every variant × seed unit is one tracked run
 * ({@link io.fluentdl.track.Tracker}) under {@code <out>/<experiment>/runs/}, indexed in
 * {@code <out>/<experiment>/runs.db}, with per-epoch metrics and, where the experiment asks,
 * per-layer histograms of weights, gradients and updates. A unit killed midway leaves a readable
 * partial run that reads as INTERRUPTED; {@code ./fluentdl run <experiment> --resume} reads the
 * units that FINISHED back from their runs instead of training them again
 * ({@link io.fluentdl.experiments.runs.UnitRunner}).
 */
package io.fluentdl.experiments.runs;

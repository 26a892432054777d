/**
 * The files every run writes, and their in-memory model: {@code results.json} ({@link
 * io.fluentdl.experiments.results.Results}), {@code metrics.csv}, {@code provenance.json}. All
 * are written through {@link io.fluentdl.experiments.results.AtomicFiles}, so a crash or a
 * second run never leaves a half-written file for other tools to read.
 */
package io.fluentdl.experiments.results;

/**
 * The {@code fluentdl} command's experiments: each {@link io.fluentdl.experiments.Experiment}
 * answers one question, composes specs with the DSL and trains them; the runner (package
 * {@code cli}) writes the results files ({@code results}), plots and report ({@code report}).
 *
 * <p>Experiments are thin on purpose: everything that every experiment needs (seeds, progress,
 * atomic files, provenance, plots) lives here once.
 */
package io.fluentdl.experiments;

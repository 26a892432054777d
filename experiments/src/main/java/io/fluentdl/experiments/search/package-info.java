/**
 * The search experiments ({@code sampling-scales}, {@code random-vs-grid}, {@code mnist-search}) and
 * {@link io.fluentdl.experiments.search.SweepRunner}, which runs a YAML sweep for {@code ./fluentdl search}.
 * The command-line adapters follow once the CLI's experiment interface is on main.
 */
package io.fluentdl.experiments.search;

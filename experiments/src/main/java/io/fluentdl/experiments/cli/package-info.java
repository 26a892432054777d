/**
 * The {@code fluentdl} command line (picocli). {@link io.fluentdl.experiments.cli.FluentDl} wires
 * the subcommands; each subcommand is one class, so {@code bench}, {@code search},
 * {@code example} and {@code serve} drop in the same way. Exit codes: 0 ok, 2 bad usage, 1 failure.
 */
package io.fluentdl.experiments.cli;

/**
 * Progress output for long work: a live bar on a terminal, one line per finished task when the
 * output is piped to a file or CI log, nothing with {@code --quiet}.
 */
package io.fluentdl.experiments.progress;

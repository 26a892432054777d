/** Training results and hooks: per-epoch metrics, history, evaluation, listeners. */
package io.fluentdl.train;

/** Training results and the control callbacks steer with: per-epoch and per-batch metrics, history, evaluation. */
package io.fluentdl.train;

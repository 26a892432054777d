/**
 * Experiment tracking, local and offline (Weights &amp; Biases' run model without the server): a
 * {@link io.fluentdl.track.Tracker} records one run's config, provenance, per-step and per-epoch metrics,
 * per-layer histograms and artifacts; {@link io.fluentdl.track.RunReader} and {@link io.fluentdl.track.RunIndex}
 * read them back for reports and comparisons.
 *
 * <p>Storage is built to survive crashes: each run is a directory of append-only JSON lines plus a
 * {@code run.json} replaced atomically; the SQLite index ({@code runs.db}) is a cache that
 * {@link io.fluentdl.track.RunIndex#rebuild()} can recreate from the directories. Layout:
 * <pre>
 * &lt;root&gt;/runs.db                          index of runs (SQLite, WAL)
 * &lt;root&gt;/runs/&lt;run-id&gt;/run.json           meta: name, experiment, config, provenance, status, summary
 * &lt;root&gt;/runs/&lt;run-id&gt;/metrics.jsonl      one {@link io.fluentdl.track.MetricRecord} per line
 * &lt;root&gt;/runs/&lt;run-id&gt;/histograms.jsonl   one {@link io.fluentdl.track.HistogramRecord} per line
 * &lt;root&gt;/runs/&lt;run-id&gt;/artifacts/         copied files (model zips)
 * </pre>
 * A run joins training as one {@code Callback} ({@link io.fluentdl.track.Tracker#callback()}); its DL4J
 * side (the {@code TrainingListener} for steps and histograms) lives in {@code io.fluentdl.internal.track},
 * so this package shows no DL4J type.
 */
package io.fluentdl.track;

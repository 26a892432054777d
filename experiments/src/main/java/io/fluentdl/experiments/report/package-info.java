/**
 * What people read: the console table, the plots (PNG and SVG) and {@code report.html} with its
 * interactive charts. Everything here is built from a run folder's files, never from in-memory
 * training state, so {@code ./fluentdl report <dir>} rebuilds exactly what the run wrote; given a
 * folder of run folders it reports on each and writes an index {@code report.html} linking them.
 *
 * <h2>The page</h2>
 * One pipeline for experiments and searches: {@link io.fluentdl.experiments.report.ReportBuilder} reads
 * the run folder, draws each chart twice from the same numbers (static: {@code Charts},
 * {@code SearchCharts}, {@code ParallelFigure}, written as {@code plots/<name>.svg} and {@code .png};
 * interactive: ECharts options from {@code CurveOptions} and {@code SearchOptions}, JSON written by
 * Jackson) and lays out the page on the one {@code Page} frame ({@code ExperimentPage},
 * {@code SearchReport}; {@code Figure} is a chart on it). The page opens from disk with no network:
 * inline CSS, the vendored Apache ECharts and our {@code report-charts.js} inlined
 * ({@code EChartsScripts}), each chart's option in a {@code <script type="application/json">}. The
 * static figures and the histogram PNGs are linked from {@code plots/} (printed, the page shows the
 * static SVGs instead of the charts), so a report travels with its {@code plots/} folder.
 * <ul>
 * <li>An experiment (a {@code results.json} with {@code variants}, see
 *     {@link io.fluentdl.experiments.results.Results}): runs table (one row per variant × seed:
 *     status of its tracked run, final test/train accuracy and loss, epochs to 80%, seconds, params,
 *     the config settings that differ between variants, link to the run), runs that did not finish,
 *     summary against the reference, learning curves (mean and min-max band over seeds), final
 *     accuracy against the reference, histograms over time per layer (weights, gradients, updates of
 *     the first seed's tracked run, {@code runs/}), model summaries and provenance.</li>
 * <li>A search (a {@code results.json} with {@code trials}, the contract below): trials table,
 *     its trials' tracked runs, parallel coordinates, the score against each parameter (log axes where
 *     the parameter was sampled on a log scale) and the importance chart ({@code SearchSections}).</li>
 * <li>A search experiment (a {@code results.json} with a {@code report} block, see
 *     {@code SearchExperimentPage}): its key numbers, its own figures ({@code SearchExtras}: draws per
 *     bin, best score so far), the sections above for each search it ran, and the tracked runs.</li>
 * </ul>
 *
 * <h2>Search results contract</h2>
 * A run folder is reported as a search when its {@code results.json} has a top-level
 * {@code "trials"} array. The report reads these keys and ignores all others, so a search may write
 * more (what {@code SweepRunner} writes today meets it; adding {@code space} gives exact axes):
 * <pre>
 * {
 *   "sweep": "mnist-search",        title; "search", "experiment" or "name" also work (default "search")
 *   "description": "...",           optional, one line
 *   "metric": "val_accuracy",       the score's name (or {"name": "val_accuracy"})
 *   "goal": "maximize",             "maximize" (default) or "minimize"
 *   "space": [                      optional; the searched parameters, in display order
 *     {"name": "learningRate", "kind": "log_uniform", "low": 1e-4, "high": 0.1},
 *     {"name": "momentum", "kind": "one_minus_log_uniform", "low": 0.9, "high": 0.999},
 *     {"name": "units", "kind": "int_range", "low": 16, "high": 256},
 *     {"name": "activation", "kind": "choice", "values": ["relu", "tanh"]}
 *   ],
 *   "trials": [                     one per trial, any order
 *     {"number": 0, "status": "COMPLETE", "score": 0.97,
 *      "params": {"learningRate": 0.003, "momentum": 0.95, "units": 64, "activation": "relu"},
 *      "epochs": 9, "seconds": 12.5}             epochs, seconds (and round) optional
 *   ],
 *   "importance": [                 optional; one per parameter
 *     {"name": "learningRate", "share": 0.7, "spearman": 0.4}     share in [0, 1], or spearman alone
 *   ]
 * }
 * </pre>
 * <ul>
 * <li>{@code kind} is {@link io.fluentdl.search.HpKind}'s name in lower case: {@code uniform},
 *     {@code int_range} (linear axis); {@code log_uniform}, {@code int_log_range} (log axis);
 *     {@code one_minus_log_uniform} (log axis of 1 − value: momentum near 1); {@code choice},
 *     {@code bool} (categories, in {@code values} order); {@code fixed} parameters are not drawn.
 *     {@code low}/{@code high} set the axis range (else the trials' extremes).</li>
 * <li>A parameter that appears in trials but not in {@code space} gets a guessed scale: numbers
 *     spanning two decades or more, all positive, get a log axis; other numbers a linear one; text is
 *     categorical. The chart caption says "scale guessed".</li>
 * <li>{@code status}: {@code COMPLETE} (or {@code FINISHED}) trials are scored and coloured;
 *     {@code PRUNED}, {@code FAIL} and anything else are drawn grey, with their score at the stop
 *     if they have one. {@code score} is a number, or, for none (a failed or diverged trial), the
 *     string {@code "NaN"} as FluentDL writes it ({@code io.fluentdl.track.Json}) or null as other tools
 *     do; the best trial is the best complete one under {@code goal}.</li>
 * <li>The importance chart shows {@code share} when every entry has one, else |{@code spearman}|.</li>
 * </ul>
 */
package io.fluentdl.experiments.report;

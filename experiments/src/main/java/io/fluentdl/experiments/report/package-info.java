/**
 * What people read: the console table, the plots (PNG and SVG, JFreeChart) and the
 * self-contained {@code report.html}. Everything here is built from {@code results.json} (and
 * {@code provenance.json} when present), never from in-memory training state, so
 * {@code ./fluentdl report <run-dir>} rebuilds exactly what the run wrote.
 */
package io.fluentdl.experiments.report;

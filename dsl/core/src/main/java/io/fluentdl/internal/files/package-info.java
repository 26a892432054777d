/**
 * How FluentDL writes files: one atomic writer ({@link io.fluentdl.internal.files.AtomicFiles}) for
 * saved models, run metadata, artifacts, results and reports, and the pid-named temporary files it
 * leaves when killed ({@link io.fluentdl.internal.files.TempFiles}, which later runs clean up).
 * Not API: it may change in any release.
 */
package io.fluentdl.internal.files;

/**
 * The only package (with {@link io.fluentdl.Model}'s facade) that touches DL4J and ND4J types:
 * translation of specs to DL4J configurations, what DL4J lacks (classical momentum, our schedules),
 * the fit loop ({@link io.fluentdl.internal.dl4j.Trainer}), evaluation, and the arrays behind a
 * {@code Dataset}. It reads the public packages (layers, optim, schedule, train, callbacks) and never
 * {@code io.fluentdl} itself, so the spec and its translator form no import circle.
 * Not API: it may change in any release. JPMS modules are not used because ND4J splits packages across jars.
 */
package io.fluentdl.internal.dl4j;

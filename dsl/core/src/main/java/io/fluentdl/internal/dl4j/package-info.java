/**
 * The only package (with {@link io.fluentdl.Model}'s facade) that touches DL4J types: translation of
 * specs to DL4J configurations, and what DL4J lacks (classical momentum, our schedules).
 * Not API: it may change in any release. JPMS modules are not used because ND4J splits packages across jars.
 */
package io.fluentdl.internal.dl4j;

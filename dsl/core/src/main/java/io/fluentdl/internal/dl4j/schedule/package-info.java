/**
 * DL4J {@code ISchedule} forms of FluentDL's learning-rate specs: stateless, immutable, and
 * serialisable with ND4J's shaded Jackson so that a network's JSON round-trips. Internal: build them
 * with {@link io.fluentdl.internal.dl4j.ScheduleTranslator}, not by hand.
 */
package io.fluentdl.internal.dl4j.schedule;

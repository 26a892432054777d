/**
 * Learning rates: a fixed value or a schedule. Every schedule is an immutable, validated spec whose
 * {@code valueAt(iteration, epoch)} is its formula, and which counts in the unit of its
 * {@link io.fluentdl.schedule.Period} (iterations or epochs).
 *
 * <ul>
 *   <li>{@link io.fluentdl.schedule.Constant}; decays: {@link io.fluentdl.schedule.StepDecay},
 *       {@link io.fluentdl.schedule.ExponentialDecay}, {@link io.fluentdl.schedule.InverseTimeDecay},
 *       {@link io.fluentdl.schedule.LinearDecay}, {@link io.fluentdl.schedule.PolynomialDecay};</li>
 *   <li>cycles: {@link io.fluentdl.schedule.Cyclical} (Smith 2017), {@link io.fluentdl.schedule.CosineRestarts}
 *       (SGDR, Loshchilov &amp; Hutter 2016), {@link io.fluentdl.schedule.OneCycle} (Smith &amp; Topin 2017);</li>
 *   <li>{@link io.fluentdl.schedule.Warmup} in front of any of them;
 *       {@link io.fluentdl.schedule.LearningRates#sample} for plots.</li>
 * </ul>
 * DL4J forms live in {@code io.fluentdl.internal.dl4j.schedule}; {@code ScheduleTranslator} picks them.
 */
package io.fluentdl.schedule;

/**
 * The learning-rate range test (Smith 2017, "Cyclical Learning Rates for Training Neural Networks", §3.3;
 * fastai's {@code lr_find}): {@link io.fluentdl.lrfinder.LrRangeTest} runs it and
 * {@link io.fluentdl.lrfinder.LrRangeResult} holds the curve and the suggested rates. Plotting is left to
 * the experiments module; this package only provides the data.
 */
package io.fluentdl.lrfinder;

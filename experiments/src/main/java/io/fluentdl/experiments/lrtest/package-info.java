/**
 * The learning-rate range test (Smith 2017) on the lecture's MNIST MLP: the loss against a rising
 * rate, the rates it suggests, and a short training run at each suggestion.
 */
package io.fluentdl.experiments.lrtest;

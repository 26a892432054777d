/**
 * The MNIST optimization benchmarks: the lecture's momentum and batch-norm runs, optimizers and
 * learning-rate schedules on the same MLP, and Keras' {@code mnist_mlp} example.
 */
package io.fluentdl.experiments.mnist;

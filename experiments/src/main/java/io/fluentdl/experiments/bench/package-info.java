/**
 * {@code fluentdl bench}: DSL vs raw DL4J throughput on the MNIST MLP, FLOP counting and peak probe,
 * the settings probe behind the launcher's defaults, the PyTorch peer, and the CUDA backend check.
 * Goals live in the benchmark's output, never in timed tests.
 */
package io.fluentdl.experiments.bench;

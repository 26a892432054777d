/**
 * FluentDL: a Keras-like fluent DSL on Deeplearning4j. Start with {@link io.fluentdl.Sequential#named(String)};
 * train with {@link io.fluentdl.Model}, steered by {@link io.fluentdl.callbacks.Callback}s.
 *
 * <p>No public FluentDL type shows DL4J or ND4J except {@link io.fluentdl.Model}, the one documented
 * door for code that wants them (the network, DL4J listeners, ND4J data in and out). Everything else
 * that touches DL4J lives in {@code io.fluentdl.internal.dl4j}, which reads the public packages but
 * never this one: a spec never depends on its translator.
 */
package io.fluentdl;

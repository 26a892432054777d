/**
 * FluentDL: a Keras-like fluent DSL on Deeplearning4j. Start with {@link io.fluentdl.Sequential#named(String)};
 * train with {@link io.fluentdl.Model}.
 */
package io.fluentdl;

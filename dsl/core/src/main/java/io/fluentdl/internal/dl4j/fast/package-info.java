/**
 * FluentDL's engine ({@link io.fluentdl.Engine#FAST}): DL4J custom layers that compute what DL4J M2.1's
 * own dense, output and batch-norm layers compute, with less work per training step. Each is a
 * subclass of DL4J's layer configuration (same fields, same JSON plus its class name, same parameters)
 * whose {@code instantiate} returns our runtime layer. Not API.
 */
package io.fluentdl.internal.dl4j.fast;

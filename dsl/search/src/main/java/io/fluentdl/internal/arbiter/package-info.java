/**
 * The bridge to Arbiter 1.0.0-beta7 and DL4J for the search: Arbiter leaves and distributions for each
 * kind of Hp, and a plain-stack search space as Arbiter's {@code MultiLayerSpace}. It reads a search
 * space only through {@link io.fluentdl.internal.arbiter.StackTemplate} and never imports
 * {@code io.fluentdl.search}, which calls it (one direction, no import cycle). With {@code internal.dl4j},
 * the only place DL4J types appear; users never see indices, {@code Properties} or casts.
 */
package io.fluentdl.internal.arbiter;

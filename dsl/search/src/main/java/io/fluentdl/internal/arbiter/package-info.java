/**
 * The bridge to Arbiter 1.0.0-beta7: a {@link io.fluentdl.search.SearchSpace} as an Arbiter
 * {@code ParameterSpace}, one leaf per {@link io.fluentdl.search.Hp}. With {@code internal.dl4j},
 * the only place Arbiter types appear; users never see indices, {@code Properties} or casts.
 */
package io.fluentdl.internal.arbiter;

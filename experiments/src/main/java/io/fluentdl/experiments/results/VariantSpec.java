package io.fluentdl.experiments.results;

/**
 * How a variant was built, for provenance and the report.
 *
 * @param name    the variant's name
 * @param json    the spec as JSON ({@code ModelSpec.toJson()}), enough to rebuild it
 * @param summary the Keras-style summary table
 */
public record VariantSpec(String name, String json, String summary) {
}

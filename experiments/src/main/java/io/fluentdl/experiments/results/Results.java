package io.fluentdl.experiments.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The content of {@code results.json}: the contract that the README documents and other tools
 * read. Everything in the report and the plots is derived from it.
 *
 * @param experiment the experiment's name
 * @param seeds      the seeds every variant ran with
 * @param epochs     epochs per run
 * @param reference  published numbers to compare with
 * @param variants   one entry per variant, in the experiment's order
 */
@JsonPropertyOrder({"experiment", "seeds", "epochs", "reference", "variants"})
public record Results(String experiment, List<Long> seeds, int epochs, Reference reference,
                      List<VariantResult> variants) {

    public Results {
        seeds = List.copyOf(seeds);
        variants = List.copyOf(variants);
    }
}

package io.fluentdl.experiments.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param plots      optional: plots to draw besides the standard ones, by name (see
 *                   {@link #PLOTS}); absent from the JSON when empty
 * @param rangeTests optional: learning-rate range tests that the experiment ran; absent when empty
 * @param dataset    optional: the data set the experiment read from files (MNIST or another IDX
 *                   data set); absent for generated data (two circles)
 */
@JsonPropertyOrder({"experiment", "dataset", "seeds", "epochs", "reference", "plots", "rangeTests", "variants"})
public record Results(String experiment, List<Long> seeds, int epochs, Reference reference,
                      List<VariantResult> variants,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> plots,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RangeTest> rangeTests,
                      @JsonInclude(JsonInclude.Include.NON_NULL) DatasetInfo dataset) {

    /** Test error (1 − accuracy) per epoch, every variant, log scale. */
    public static final String TEST_ERROR = "test-error";
    /** Train error per epoch, every variant, log scale. */
    public static final String TRAIN_ERROR = "train-error";
    /** Train loss per epoch, every variant, log scale. */
    public static final String TRAIN_LOSS = "train-loss";
    /** Learning rate over training, every variant that records one. */
    public static final String LEARNING_RATE = "learning-rate";
    /** Loss against learning rate (log axis) of each range test. */
    public static final String LR_RANGE = "lr-range-test";
    /** The plot names {@code plots} may hold. */
    public static final List<String> PLOTS = List.of(TEST_ERROR, TRAIN_ERROR, TRAIN_LOSS, LEARNING_RATE, LR_RANGE);

    @JsonCreator
    public Results {
        seeds = List.copyOf(seeds);
        variants = List.copyOf(variants);
        plots = plots == null ? List.of() : List.copyOf(plots);
        rangeTests = rangeTests == null ? List.of() : List.copyOf(rangeTests);
        for (String plot : plots) {
            if (!PLOTS.contains(plot)) {
                throw new IllegalArgumentException(String.format("Results '%s': unknown plot '%s'; known: %s.",
                        experiment, plot, PLOTS));
            }
        }
    }

    /** Results with the standard plots only. */
    public Results(String experiment, List<Long> seeds, int epochs, Reference reference, List<VariantResult> variants) {
        this(experiment, seeds, epochs, reference, variants, List.of(), List.of(), null);
    }

    /** Results without a data set read from files. */
    public Results(String experiment, List<Long> seeds, int epochs, Reference reference, List<VariantResult> variants,
                   List<String> plots, List<RangeTest> rangeTests) {
        this(experiment, seeds, epochs, reference, variants, plots, rangeTests, null);
    }

    /** These results with extra plots. */
    public Results withPlots(String... names) {
        return new Results(experiment, seeds, epochs, reference, variants, List.of(names), rangeTests, dataset);
    }

    /** These results with range tests. */
    public Results withRangeTests(List<RangeTest> tests) {
        return new Results(experiment, seeds, epochs, reference, variants, plots, tests, dataset);
    }

    /**
     * These results on the data set {@code info}; when it is not MNIST, the reference (MNIST's
     * published numbers) is dropped, so that a run on other data never reads as a comparison with them.
     */
    public Results withDataset(DatasetInfo info) {
        return new Results(experiment, seeds, epochs, info.isMnist() ? reference : Reference.none(), variants, plots,
                rangeTests, info);
    }
}

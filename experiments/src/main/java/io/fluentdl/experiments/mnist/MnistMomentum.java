package io.fluentdl.experiments.mnist;

import io.fluentdl.data.MnistData;
import io.fluentdl.experiments.ExperimentInfo;
import io.fluentdl.experiments.ResultsExperiment;
import io.fluentdl.experiments.RunContext;
import io.fluentdl.experiments.results.ExperimentOutput;
import io.fluentdl.experiments.runs.UnitRunner;
import io.fluentdl.experiments.results.Reference;
import io.fluentdl.experiments.results.DatasetInfo;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.VariantResult;
import io.fluentdl.experiments.results.VariantSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Does classic momentum speed up SGD on MNIST, and does too much of it hurt?
 *
 * <p>The lecture's benchmark ({@link LectureMlp}): SGD lr 0.03 with classic (heavy-ball) momentum
 * φ ∈ {0, 0.5, 0.9, 0.99}, everything else fixed. The lecture's single runs end at test errors
 * 0.052 / 0.050 / 0.039 / 0.106 after 100 epochs; its claim is that higher momentum learns faster
 * and too high a momentum fluctuates. Every φ runs over {@value #SEEDS} seeds by default.
 */
public final class MnistMomentum implements ResultsExperiment {

    public static final String NAME = "mnist-momentum";
    static final double[] MOMENTA = {0.0, 0.5, 0.9, 0.99};
    static final double[] REFERENCE_TEST_ERROR = {0.052, 0.050, 0.039, 0.106};
    static final int SEEDS = 3;
    static final int QUICK_TRAIN = 1_000;
    static final int QUICK_TEST = 500;

    private static final ExperimentInfo INFO = ExperimentInfo.of(NAME,
            "Lecture MNIST MLP, SGD lr 0.03 with classic momentum 0 / 0.5 / 0.9 / 0.99: test error per epoch.",
            LectureMlp.EPOCHS, 5).withSeeds(SEEDS, ExperimentInfo.DEFAULT_QUICK_SEEDS);

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    static String variantName(double phi) {
        return String.format(Locale.ROOT, "momentum-%s", phi == 0 ? "0" : Double.toString(phi));
    }

    static Reference reference() {
        Reference reference = Reference.from("Lecture MNIST benchmark (784-512-512-512-10, SGD lr 0.03, weight decay 0.001, "
                + "batch 100, 5,000/1,000 images): test error at epoch 100, single runs");
        for (int i = 0; i < MOMENTA.length; i++) {
            reference.withValue(variantName(MOMENTA[i]), MnistRuns.TEST_ERROR, REFERENCE_TEST_ERROR[i]);
        }
        return reference;
    }

    @Override
    public ExperimentOutput run(RunContext context) throws Exception {
        MnistData data = MnistRuns.lectureData(context);
        UnitRunner units = MnistRuns.units(context, NAME);
        List<VariantResult> variants = new ArrayList<>();
        List<VariantSpec> specs = new ArrayList<>();
        for (double phi : MOMENTA) {
            String name = variantName(phi);
            MnistRuns.Variant variant = new MnistRuns.Variant(name,
                    String.format(Locale.ROOT, "SGD lr %s, classic momentum %s", LectureMlp.LEARNING_RATE, phi),
                    seed -> LectureMlp.spec(name, LectureMlp.sgd(phi), false, seed));
            specs.add(MnistRuns.specOf(variant, context));
            VariantResult result = MnistRuns.train(variant, data, LectureMlp.BATCH_SIZE, context, units);
            variants.add(result.withMetric(MnistRuns.TEST_ERROR_JITTER,
                    result.runs().stream().map(MnistRuns::jitter).toList()));
        }
        Results results = new Results(NAME, context.seeds(), context.epochs(), reference(), variants)
                .withPlots(Results.TEST_ERROR, Results.TRAIN_LOSS)
                .withDataset(DatasetInfo.of(data));
        return new ExperimentOutput(results, specs);
    }
}

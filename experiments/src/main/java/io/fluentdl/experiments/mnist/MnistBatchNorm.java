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
import io.fluentdl.experiments.results.SeedRun;
import io.fluentdl.experiments.results.VariantResult;
import io.fluentdl.experiments.results.VariantSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Does batch normalization make the lecture's MNIST MLP learn faster and generalise better?
 *
 * <p>The lecture's setup ({@link LectureMlp}, SGD lr 0.03, classic momentum 0.9) with BN after each
 * ReLU (Keras defaults: momentum 0.99, epsilon 1e-3) against none. The lecture reports that the
 * training error reaches 0 at epoch 6 with BN and at epoch 16 without; its claim is that BN learns
 * faster and lowers the test error. Speed is measured as the first epoch with zero training error
 * ({@value #EPOCHS_TO_ZERO}), per seed.
 */
public final class MnistBatchNorm implements ResultsExperiment {

    public static final String NAME = "mnist-batchnorm";
    static final String EPOCHS_TO_ZERO = "epochsToZeroTrainError";
    static final double MOMENTUM = 0.9;

    private static final ExperimentInfo INFO = ExperimentInfo.of(NAME,
            "Lecture MNIST MLP with batch norm after each ReLU vs none: epochs to zero training error, test error.",
            LectureMlp.EPOCHS, 5).withSeeds(MnistMomentum.SEEDS, ExperimentInfo.DEFAULT_QUICK_SEEDS);

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    static Reference reference() {
        return Reference.from("Lecture MNIST benchmark (784-512-512-512-10, SGD lr 0.03, momentum 0.9, weight decay 0.001, "
                        + "batch 100, 5,000/1,000 images): first epoch with zero training error, single runs")
                .withValue("no-bn", EPOCHS_TO_ZERO, 16)
                .withValue("bn-after", EPOCHS_TO_ZERO, 6);
    }

    @Override
    public ExperimentOutput run(RunContext context) throws Exception {
        MnistData data = MnistRuns.lectureData(context);
        UnitRunner units = MnistRuns.units(context, NAME);
        List<VariantResult> variants = new ArrayList<>();
        List<VariantSpec> specs = new ArrayList<>();
        for (boolean bn : new boolean[] {false, true}) {
            String name = bn ? "bn-after" : "no-bn";
            MnistRuns.Variant variant = new MnistRuns.Variant(name,
                    String.format(Locale.ROOT, "SGD lr %s, classic momentum %s, %s", LectureMlp.LEARNING_RATE, MOMENTUM,
                            bn ? "BN after each ReLU (momentum 0.99, eps 1e-3)" : "no BN"),
                    seed -> LectureMlp.spec(name, LectureMlp.sgd(MOMENTUM), bn, seed));
            specs.add(MnistRuns.specOf(variant, context));
            VariantResult result = MnistRuns.train(variant, data, LectureMlp.BATCH_SIZE, context, units);
            variants.add(result.withMetric(EPOCHS_TO_ZERO, result.runs().stream().map(MnistBatchNorm::epochsToZero).toList()));
        }
        Results results = new Results(NAME, context.seeds(), context.epochs(), reference(), variants)
                .withPlots(Results.TRAIN_ERROR, Results.TEST_ERROR, Results.TRAIN_LOSS)
                .withDataset(DatasetInfo.of(data));
        return new ExperimentOutput(results, specs);
    }

    /** The first epoch with every training image right, or null if the run never got there. */
    static Double epochsToZero(SeedRun run) {
        int epoch = run.firstEpochTrainReaching(1.0);
        return epoch == 0 ? null : (double) epoch;
    }
}

package io.fluentdl.experiments.mnist;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;

import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.MnistData;
import io.fluentdl.experiments.ExperimentInfo;
import io.fluentdl.experiments.ResultsExperiment;
import io.fluentdl.experiments.RunContext;
import io.fluentdl.experiments.results.DatasetInfo;
import io.fluentdl.experiments.results.ExperimentOutput;
import io.fluentdl.experiments.results.Reference;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.VariantResult;
import io.fluentdl.experiments.runs.UnitRunner;
import io.fluentdl.optim.Adam;
import io.fluentdl.train.TrainMetrics;
import java.util.List;

/**
 * Does our DSL on DL4J reproduce Keras' {@code mnist_convnet} example?
 *
 * <p>Keras' example, layer for layer: Conv2D(32, 3x3, relu) → MaxPooling2D(2) → Conv2D(64, 3x3, relu)
 * → MaxPooling2D(2) → Flatten → Dropout(0.5) → Dense(10, softmax) (34,826 parameters), glorot_uniform
 * weights and zero biases, categorical cross-entropy, Adam (lr 0.001, epsilon 1e-7), batch 128,
 * 15 epochs, {@code validation_split=0.1}. Keras' validation split holds out the last 10% of the
 * training images before shuffling, so the model trains on the first 54,000; it is tested on all
 * 10,000 test images. Keras reports about 99.1% test accuracy (one run). As Keras does, the training
 * loss and accuracy of an epoch are running means over its batches ({@link TrainMetrics#RUNNING}):
 * a second pass over the 54,000 training images after every epoch cost 40% of the run's time.
 */
public final class KerasMnistConvnet implements ResultsExperiment {

    public static final String NAME = "keras-mnist-convnet";
    static final int BATCH_SIZE = 128;
    /** 60,000 minus Keras' validation_split=0.1. */
    static final int TRAIN_SIZE = 54_000;
    static final double REFERENCE_TEST_ACCURACY = 0.991;

    private static final ExperimentInfo INFO = ExperimentInfo.of(NAME,
            "Keras' mnist_convnet (conv 32-64, max-pool, dropout 0.5, Adam, 15 epochs, 54k images) vs its ~99.1%.",
            15, 1).withSeeds(1, ExperimentInfo.DEFAULT_QUICK_SEEDS);

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    static ModelSpec spec(long seed) {
        return Sequential.named(NAME).input(28, 28, 1)
                .conv2d(32, 3, RELU).maxPool(2)
                .conv2d(64, 3, RELU).maxPool(2)
                .flatten().dropout(0.5)
                .output(10, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .optimizer(Adam.of(1e-3))
                .seed(seed)
                .build();
    }

    static Reference reference() {
        return Reference.from("Keras examples/vision/mnist_convnet.py: test accuracy about 0.991 after 15 epochs, one run")
                .withValue(NAME, MnistRuns.TEST_ERROR, 1 - REFERENCE_TEST_ACCURACY);
    }

    @Override
    public ExperimentOutput run(RunContext context) throws Exception {
        MnistData data = context.quick() ? MnistRuns.load(context, 5_000, 1_000)
                : MnistRuns.load(context, TRAIN_SIZE, Integer.MAX_VALUE);
        MnistRuns.Variant variant = new MnistRuns.Variant(NAME,
                "conv 32 3x3 → max-pool 2 → conv 64 3x3 → max-pool 2 → flatten → dropout 0.5 → dense 10; Adam lr 0.001, batch 128",
                KerasMnistConvnet::spec, TrainMetrics.RUNNING);
        UnitRunner units = MnistRuns.units(context, NAME);
        VariantResult result = MnistRuns.train(variant, data, BATCH_SIZE, context, units);
        Results results = new Results(NAME, context.seeds(), context.epochs(), reference(), List.of(result))
                .withPlots(Results.TRAIN_LOSS, Results.TEST_ERROR)
                .withDataset(DatasetInfo.of(data));
        return new ExperimentOutput(results, List.of(MnistRuns.specOf(variant, context)));
    }
}

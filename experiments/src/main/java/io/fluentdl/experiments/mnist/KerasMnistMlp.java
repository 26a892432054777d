package io.fluentdl.experiments.mnist;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Init.GLOROT_UNIFORM;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;

import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
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
import io.fluentdl.optim.RmsProp;
import java.util.List;

/**
 * Does our DSL on DL4J reproduce Keras' {@code mnist_mlp} example?
 *
 * <p>Keras' example, layer for layer: Dense(512, relu) → Dropout(0.2) → Dense(512, relu) →
 * Dropout(0.2) → Dense(10, softmax), glorot_uniform weights and zero biases (Keras' defaults),
 * categorical cross-entropy, RMSprop(lr 0.001, rho 0.9, epsilon 1e-7), batch 128, 20 epochs, all
 * 60,000 training images, tested on all 10,000. Keras reports 98.40% test accuracy (one run).
 */
public final class KerasMnistMlp implements ResultsExperiment {

    public static final String NAME = "keras-mnist-mlp";
    static final int BATCH_SIZE = 128;
    static final double DROPOUT = 0.2;
    static final double REFERENCE_TEST_ACCURACY = 0.9840;

    private static final ExperimentInfo INFO = ExperimentInfo.of(NAME,
            "Keras' mnist_mlp (784-512-512-10, dropout 0.2, RMSprop, 20 epochs, full MNIST) vs its 98.40%.",
            20, 2).withSeeds(MnistMomentum.SEEDS, ExperimentInfo.DEFAULT_QUICK_SEEDS);

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    static ModelSpec spec(long seed) {
        return Sequential.named(NAME).input(28 * 28)
                .dense(512, RELU, GLOROT_UNIFORM).dropout(DROPOUT)
                .dense(512, RELU, GLOROT_UNIFORM).dropout(DROPOUT)
                .output(10, SOFTMAX, CATEGORICAL_CROSSENTROPY, GLOROT_UNIFORM, o -> o)
                .optimizer(RmsProp.of(0.001).rho(0.9).epsilon(1e-7))
                .seed(seed)
                .build();
    }

    static Reference reference() {
        return Reference.from("Keras examples/mnist_mlp.py (Keras 2): \"Test accuracy: 0.9840\" after 20 epochs, one run")
                .withValue(NAME, MnistRuns.TEST_ERROR, 1 - REFERENCE_TEST_ACCURACY);
    }

    @Override
    public ExperimentOutput run(RunContext context) throws Exception {
        MnistData data = context.quick() ? MnistRuns.load(context, 10_000, 2_000)
                : MnistRuns.load(context, Integer.MAX_VALUE, Integer.MAX_VALUE);
        MnistRuns.Variant variant = new MnistRuns.Variant(NAME,
                "784-512-512-10 ReLU, dropout 0.2, RMSprop lr 0.001 rho 0.9 eps 1e-7, batch 128", KerasMnistMlp::spec);
        UnitRunner units = MnistRuns.units(context, NAME);
        VariantResult result = MnistRuns.train(variant, data, BATCH_SIZE, context, units);
        Results results = new Results(NAME, context.seeds(), context.epochs(), reference(), List.of(result))
                .withPlots(Results.TRAIN_LOSS, Results.TEST_ERROR)
                .withDataset(DatasetInfo.of(data));
        return new ExperimentOutput(results, List.of(MnistRuns.specOf(variant, context)));
    }
}

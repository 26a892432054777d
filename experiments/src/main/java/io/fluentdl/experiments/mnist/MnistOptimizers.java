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
import io.fluentdl.optim.AdaGrad;
import io.fluentdl.optim.Adam;
import io.fluentdl.optim.Optimizer;
import io.fluentdl.optim.RmsProp;
import io.fluentdl.optim.Sgd;
import java.util.ArrayList;
import java.util.List;

/**
 * How do the common optimizers compare on the lecture's MNIST MLP with the same budget?
 *
 * <p>Same model, data, weight decay, batch size and epochs ({@link LectureMlp}); only the optimizer
 * changes, each at its conventional learning rate: the SGD family at the lecture's 0.03 (momentum
 * 0.9), AdaGrad at 0.01 (its paper's and TensorFlow 1's default; Keras now uses 0.001), RMSProp and
 * Adam at Keras' 0.001 with Keras' other defaults. There is no published reference: the curves of
 * train loss and test error are the result.
 */
public final class MnistOptimizers implements ResultsExperiment {

    public static final String NAME = "mnist-optimizers";
    static final int EPOCHS = 30;

    /** An optimizer to compare. */
    record Choice(String name, String description, Optimizer optimizer) {
    }

    static List<Choice> choices() {
        double lr = LectureMlp.LEARNING_RATE;
        return List.of(
                new Choice("sgd", "SGD lr 0.03, no momentum", Sgd.of(lr)),
                new Choice("momentum", "SGD lr 0.03, classic momentum 0.9", Sgd.of(lr).momentum(0.9)),
                new Choice("nesterov", "SGD lr 0.03, Nesterov momentum 0.9", Sgd.of(lr).nesterov(0.9)),
                new Choice("adagrad", "AdaGrad lr 0.01, epsilon 1e-7", AdaGrad.of(0.01)),
                new Choice("rmsprop", "RMSProp lr 0.001, rho 0.9, epsilon 1e-7 (Keras)", RmsProp.of(0.001)),
                new Choice("adam", "Adam lr 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7 (Keras)", Adam.of(0.001)));
    }

    private static final ExperimentInfo INFO = ExperimentInfo.of(NAME,
            "Lecture MNIST MLP with SGD, momentum, Nesterov, AdaGrad, RMSProp, Adam at conventional rates.",
            EPOCHS, 3).withSeeds(MnistMomentum.SEEDS, ExperimentInfo.DEFAULT_QUICK_SEEDS);

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public ExperimentOutput run(RunContext context) throws Exception {
        MnistData data = MnistRuns.lectureData(context);
        UnitRunner units = MnistRuns.units(context, NAME);
        List<VariantResult> variants = new ArrayList<>();
        List<VariantSpec> specs = new ArrayList<>();
        for (Choice choice : choices()) {
            MnistRuns.Variant variant = new MnistRuns.Variant(choice.name(), choice.description(),
                    seed -> LectureMlp.spec(choice.name(), choice.optimizer(), false, seed));
            specs.add(MnistRuns.specOf(variant, context));
            variants.add(MnistRuns.train(variant, data, LectureMlp.BATCH_SIZE, context, units));
        }
        Results results = new Results(NAME, context.seeds(), context.epochs(), Reference.none(), variants)
                .withPlots(Results.TRAIN_LOSS, Results.TEST_ERROR)
                .withDataset(DatasetInfo.of(data));
        return new ExperimentOutput(results, specs);
    }
}

package io.fluentdl.examples;

import static io.fluentdl.layers.BnPlacement.AFTER_ACTIVATION;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.lrfinder.LrRangeResult;
import io.fluentdl.lrfinder.LrRangeTest;
import io.fluentdl.optim.Sgd;
import io.fluentdl.train.EpochMetrics;

/**
 * An LR range test (Smith 2017) on the case-study model, then training at the rate it suggests: the
 * rate grows exponentially over 100 mini-batches on a copy of the model while the loss is watched; the
 * suggestions are the steepest fall of the smoothed loss and a tenth of its minimum. Kotlin twin:
 * {@code LrRangeThenTrain.kt}.
 */
public final class LrRangeThenTrain {

    public static final double FROM = 1e-5;
    public static final double TO = 10.0;
    public static final int ITERATIONS = 100;
    public static final int EPOCHS = 100;
    public static final int QUICK_EPOCHS = 30;
    public static final int BATCH_SIZE = 32;

    private LrRangeThenTrain() {
    }

    /** The case study (BN after ReLU) with SGD, momentum 0.9, at {@code learningRate}. */
    public static ModelSpec atRate(double learningRate) {
        return CaseStudyModel.spec(AFTER_ACTIVATION).toBuilder().optimizer(Sgd.of(learningRate).momentum(0.9)).build();
    }

    public static void main(String[] args) {
        ExampleArgs options = ExampleArgs.parse(args);
        int epochs = options.epochs(QUICK_EPOCHS, EPOCHS);
        // 1. Data: make_circles(n=1000, noise=0.1, seed=1); the first half trains, the second half tests
        Dataset all = Circles.dataset(1000, 0.1, 1);
        Dataset train = all.slice(0, 500);
        Dataset test = all.slice(500, 1000);
        // 2. Range test: lr from 1e-5 to 10 over 100 mini-batches, on a copy (the model stays untrained)
        ModelSpec spec = CaseStudyModel.spec(AFTER_ACTIVATION);
        LrRangeResult range = LrRangeTest.on(Model.of(spec)).from(FROM).to(TO).iterations(ITERATIONS).run(train, BATCH_SIZE);
        // 3. Every 10th point, and the suggestions
        range.points().stream().filter(p -> p.iteration() % 10 == 0).forEach(p -> System.out.printf(
                "lr %.2e  smoothed loss %.4f%n", p.learningRate(), p.smoothedLoss()));
        System.out.printf("%s; suggested: steepest %.3g, minimum/10 %.3g%n", range.stopReason(),
                range.suggestedSteepest(), range.suggestedMinOver10());
        // 4. Train at both suggestions and at the case study's 0.01, and compare
        for (double lr : new double[] {range.suggestedSteepest(), range.suggestedMinOver10(),
                spec.optimizer().learningRate().initial()}) {
            EpochMetrics last = Model.of(atRate(lr)).fit(train, epochs, BATCH_SIZE, test).last();
            System.out.printf("lr %.3g: %d epochs, train %.3f, test %.3f%n", lr, epochs, last.trainAccuracy(),
                    last.validationAccuracy());
        }
    }
}

package io.fluentdl.examples;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.optim.Adam;
import io.fluentdl.train.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Class weights on imbalanced data, then fine-tuning with frozen layers. The training half of
 * {@code make_circles} keeps one inner-circle point (class 1) in ten, so class 1 is about 9% of it; the test
 * half stays balanced. Trained plainly, the network under-predicts class 1; with Keras'
 * {@code class_weight} ({@code classWeight(Map.of(0, 1.0, 1, n0 / n1))}) each class carries equal weight in
 * the loss. Then the weighted model's first dense layer and its batch norm are frozen
 * ({@code model.freeze(...)}) and only the layers above train on: the frozen weights do not move, and the
 * summary counts them as non-trainable. Kotlin twin: {@code ClassWeightsFineTune.kt}.
 */
public final class ClassWeightsFineTune {

    public static final int POINTS = 2_000;
    public static final int EPOCHS = 40;
    public static final int QUICK_EPOCHS = 3;
    public static final int BATCH_SIZE = 32;
    /** One class-1 training point in this many is kept. */
    public static final int KEEP_ONE_IN = 10;

    private ClassWeightsFineTune() {
    }

    public static void main(String[] args) {
        ExampleArgs options = ExampleArgs.parse(args);
        int epochs = options.epochs(QUICK_EPOCHS, EPOCHS);
        Circles.Points points = Circles.points(POINTS, 0.1, 1);
        Dataset train = imbalanced(points, 0, POINTS / 2);
        Dataset test = Circles.dataset(POINTS, 0.1, 1).slice(POINTS / 2, POINTS);
        double ones = count(train);
        double ratio = (train.size() - ones) / ones;
        System.out.printf("training set: %d points, %.0f of class 1 (%.1f%%)%n", train.size(), ones, 100 * ones / train.size());

        Model plain = Model.of(spec());
        plain.fit(train, epochs, BATCH_SIZE);
        Model weighted = Model.of(spec()).classWeight(Map.of(0, 1.0, 1, ratio));
        weighted.fit(train, epochs, BATCH_SIZE);
        report("unweighted", plain.evaluate(test));
        report(String.format("classWeight {0: 1, 1: %.1f}", ratio), weighted.evaluate(test));

        Model tuned = weighted.freeze("dense_1", "batch_norm_1");
        System.out.println(tuned.spec().summary());
        float[] before = tuned.network().getLayer(0).params().dup().data().asFloat();
        tuned.fit(train, epochs, BATCH_SIZE);
        boolean unchanged = java.util.Arrays.equals(before, tuned.network().getLayer(0).params().dup().data().asFloat());
        report("fine-tuned above the frozen layers", tuned.evaluate(test));
        System.out.printf("dense_1 weights unchanged by fine-tuning: %s%n", unchanged);
    }

    /** Dense(32) → BN → Dense(16) → one sigmoid unit, Adam 0.01. */
    public static ModelSpec spec() {
        return Sequential.named("class-weights")
                .input(2)
                .dense(32, RELU, HE_UNIFORM)
                .batchNorm()
                .dense(16, RELU, HE_UNIFORM)
                .output(1, SIGMOID, BINARY_CROSSENTROPY)
                .optimizer(Adam.of(0.01))
                .seed(7)
                .build();
    }

    /** Points {@code from..to} with every class-0 point and one class-1 point in {@link #KEEP_ONE_IN}. */
    public static Dataset imbalanced(Circles.Points points, int from, int to) {
        List<double[]> x = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        int seen = 0;
        for (int i = from; i < to; i++) {
            if (points.y()[i] == 0 || seen++ % KEEP_ONE_IN == 0) {
                x.add(points.x()[i]);
                y.add(new double[] {points.y()[i]});
            }
        }
        return Dataset.of(x.toArray(double[][]::new), y.toArray(double[][]::new));
    }

    private static double count(Dataset data) {
        double ones = 0;
        for (float label : Model.labels(data).dup().data().asFloat()) {
            ones += label;
        }
        return ones;
    }

    private static void report(String what, Evaluation e) {
        System.out.printf("%-36s test accuracy %.3f, class-1 recall %.3f, class-1 precision %.3f%n", what, e.accuracy(),
                e.metric("recall"), e.metric("precision"));
    }
}

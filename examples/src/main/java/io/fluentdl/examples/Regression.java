package io.fluentdl.examples;

import static io.fluentdl.nn.Activation.IDENTITY;
import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.MSE;
import static io.fluentdl.train.Metric.MAE;
import static io.fluentdl.train.Metric.R2;
import static io.fluentdl.train.Metric.RMSE;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.Dataset;
import io.fluentdl.optim.Adam;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.History;
import java.util.SplittableRandom;

/**
 * A regression, reported as one: Friedman's benchmark function #1 (scikit-learn's
 * {@code make_friedman1}: ten uniform inputs, five of them noise,
 * {@code y = 10 sin(pi x1 x2) + 20 (x3 - 0.5)^2 + 10 x4 + 5 x5 + N(0, 1)}), an MLP with a linear output
 * and MSE loss, {@code metrics(MAE, RMSE, R2)} logged every epoch, and the test set's MSE, MAE, RMSE
 * and R² beside two yardsticks: predicting the training mean (R² about 0) and the noise floor (MSE 1,
 * the best any model can do). No accuracy: a regression has none. Kotlin twin: {@code Regression.kt}.
 */
public final class Regression {

    public static final int TRAIN = 2_000;
    public static final int TEST = 1_000;
    public static final int EPOCHS = 60;
    public static final int QUICK_EPOCHS = 5;
    public static final int BATCH_SIZE = 32;
    /** The standard deviation of Friedman #1's noise: the test MSE cannot go below its square. */
    public static final double NOISE = 1.0;

    private Regression() {
    }

    public static void main(String[] args) {
        ExampleArgs options = ExampleArgs.parse(args);
        Friedman train = Friedman.sample(TRAIN, 1);
        Friedman test = Friedman.sample(TEST, 2);
        ModelSpec spec = spec();
        System.out.println(spec.summary());
        Model model = Model.of(spec);
        History history = model.fit(train.dataset(), options.epochs(QUICK_EPOCHS, EPOCHS), BATCH_SIZE, test.dataset());
        EpochMetrics last = history.last();
        System.out.printf("after %d epochs: val_mae %.3f, val_rmse %.3f, val_r2 %.3f%n", history.epochs().size(),
                last.metrics().get("val_mae"), last.metrics().get("val_rmse"), last.metrics().get("val_r2"));
        Evaluation e = model.evaluate(test.dataset());
        System.out.printf("test (%d examples, kind %s): mse %.3f, mae %.3f, rmse %.3f, r2 %.3f%n", e.count(), e.kind(),
                e.metric("mse"), e.metric("mae"), e.metric("rmse"), e.metric("r2"));
        double baseline = test.mseOf(train.mean());
        System.out.printf("yardsticks: predicting the training mean: mse %.3f, r2 %.3f; noise floor: mse %.3f%n",
                baseline, 1 - baseline / test.variance(), NOISE * NOISE);
    }

    /** Two hidden layers of 64 ReLU units and one linear output unit, MSE loss, Adam. */
    public static ModelSpec spec() {
        return Sequential.named("regression")
                .input(Friedman.INPUTS)
                .dense(64, RELU, HE_UNIFORM)
                .dense(64, RELU, HE_UNIFORM)
                .output(1, IDENTITY, MSE)
                .metrics(MAE, RMSE, R2)
                .optimizer(Adam.of(3e-3))
                .seed(42)
                .build();
    }

    /** A sample of Friedman #1: inputs {@code x} (n x 10, uniform on [0, 1)) and targets {@code y}. */
    public record Friedman(double[][] x, double[] y) {

        public static final int INPUTS = 10;

        public static Friedman sample(int n, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            double[][] x = new double[n][INPUTS];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < INPUTS; j++) {
                    x[i][j] = random.nextDouble();
                }
                double[] r = x[i];
                y[i] = 10 * Math.sin(Math.PI * r[0] * r[1]) + 20 * (r[2] - 0.5) * (r[2] - 0.5) + 10 * r[3] + 5 * r[4]
                        + NOISE * gaussian(random);
            }
            return new Friedman(x, y);
        }

        public Dataset dataset() {
            double[][] targets = new double[y.length][];
            for (int i = 0; i < y.length; i++) {
                targets[i] = new double[] {y[i]};
            }
            return Dataset.of(x, targets);
        }

        public double mean() {
            double sum = 0;
            for (double v : y) {
                sum += v;
            }
            return sum / y.length;
        }

        /** Mean squared error of predicting {@code constant} for every example. */
        public double mseOf(double constant) {
            double sum = 0;
            for (double v : y) {
                sum += (v - constant) * (v - constant);
            }
            return sum / y.length;
        }

        /** The targets' variance (population): the MSE of predicting their own mean. */
        public double variance() {
            return mseOf(mean());
        }

        /** Box-Muller: a standard normal draw from two uniforms of {@code random}. */
        private static double gaussian(SplittableRandom random) {
            return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        }
    }
}

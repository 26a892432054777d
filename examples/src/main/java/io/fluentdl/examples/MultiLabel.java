package io.fluentdl.examples;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;
import static io.fluentdl.train.Metric.AUC;
import static io.fluentdl.train.Metric.EXACT_MATCH;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.Dataset;
import io.fluentdl.optim.Adam;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.History;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A multi-label classifier, reported as one: points of the square [-1, 1)² (plus two noise inputs)
 * carry any of four tags at once — {@code right} (x > 0), {@code upper} (y > 0), {@code inside} (within
 * radius 0.7 of the centre) and {@code diagonal} (|x - y| < 0.4). Sigmoid outputs with binary
 * cross-entropy; the evaluation gives per-label accuracy (not argmax over the tags), exact-match
 * accuracy (every tag of a point right), macro AUC and per-label precision, recall and F1, beside the
 * per-label accuracy of always answering each tag's majority. Kotlin twin: {@code MultiLabel.kt}.
 */
public final class MultiLabel {

    public static final List<String> TAGS = List.of("right", "upper", "inside", "diagonal");
    public static final int TRAIN = 2_000;
    public static final int TEST = 1_000;
    public static final int EPOCHS = 40;
    public static final int QUICK_EPOCHS = 5;
    public static final int BATCH_SIZE = 32;

    private MultiLabel() {
    }

    public static void main(String[] args) {
        ExampleArgs options = ExampleArgs.parse(args);
        Points train = Points.sample(TRAIN, 1);
        Points test = Points.sample(TEST, 2);
        ModelSpec spec = spec();
        System.out.println(spec.summary());
        Model model = Model.of(spec);
        History history = model.fit(train.dataset(), options.epochs(QUICK_EPOCHS, EPOCHS), BATCH_SIZE, test.dataset());
        EpochMetrics last = history.last();
        System.out.printf("after %d epochs: val_accuracy (per label) %.3f, val_exact_match %.3f, val_auc %.3f%n",
                history.epochs().size(), last.validationAccuracy(), last.metrics().get("val_exact_match"),
                last.metrics().get("val_auc"));
        Evaluation e = model.evaluate(test.dataset());
        System.out.printf("test (%d examples, kind %s): per-label accuracy %.3f, exact match %.3f, macro auc %.3f, "
                + "macro f1 %.3f; majority answer per tag: %.3f%n", e.count(), e.kind(), e.accuracy(),
                e.metric("exact_match"), e.auc(), e.metric("f1"), test.majorityAccuracy());
        System.out.println("tag        precision  recall     f1  positives");
        for (Evaluation.ClassMetrics c : e.classes()) {
            System.out.printf("%-9s  %9.3f  %6.3f  %5.3f  %9d%n", TAGS.get(c.label()), c.precision(), c.recall(), c.f1(),
                    c.support());
        }
    }

    /** Two hidden layers of 32 ReLU units, four sigmoid outputs (one per tag), binary cross-entropy, Adam. */
    public static ModelSpec spec() {
        return Sequential.named("multi-label")
                .input(Points.INPUTS)
                .dense(32, RELU, HE_UNIFORM)
                .dense(32, RELU, HE_UNIFORM)
                .output(TAGS.size(), SIGMOID, BINARY_CROSSENTROPY)
                .metrics(EXACT_MATCH, AUC)
                .optimizer(Adam.of(0.01))
                .seed(42)
                .build();
    }

    /** A sample of tagged points: inputs (n x 4: x, y and two noise columns) and 0/1 tags (n x 4). */
    public record Points(double[][] x, double[][] tags) {

        public static final int INPUTS = 4;

        public static Points sample(int n, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            double[][] x = new double[n][INPUTS];
            double[][] tags = new double[n][];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < INPUTS; j++) {
                    x[i][j] = random.nextDouble() * 2 - 1;
                }
                tags[i] = tagsOf(x[i][0], x[i][1]);
            }
            return new Points(x, tags);
        }

        /** The four tags of the point (px, py), in the order of {@link #TAGS}. */
        public static double[] tagsOf(double px, double py) {
            return new double[] {
                px > 0 ? 1 : 0,
                py > 0 ? 1 : 0,
                px * px + py * py < 0.49 ? 1 : 0,
                Math.abs(px - py) < 0.4 ? 1 : 0};
        }

        public Dataset dataset() {
            return Dataset.of(x, tags);
        }

        /** Per-label accuracy of answering each tag's more frequent value (in this sample) for every point. */
        public double majorityAccuracy() {
            double sum = 0;
            for (int t = 0; t < TAGS.size(); t++) {
                int positives = 0;
                for (double[] row : tags) {
                    positives += (int) row[t];
                }
                sum += Math.max(positives, tags.length - positives) / (double) tags.length;
            }
            return sum / TAGS.size();
        }
    }
}

package io.fluentdl;

import static io.fluentdl.nn.Activation.IDENTITY;
import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;
import static io.fluentdl.nn.Loss.MSE;
import static io.fluentdl.nn.Loss.SPARSE_CATEGORICAL_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.data.Dataset;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.optim.Adam;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.History;
import io.fluentdl.train.OutputKind;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** fit and evaluate by output kind: the regression, multi-label and sparse cases, and labels that do not fit. */
class OutputKindsTest {

    private static final int N = 300;

    private static float[][] features(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[N][3];
        for (float[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = (float) (r.nextDouble() * 2 - 1);
            }
        }
        return x;
    }

    private static Sequential base(String name) {
        return Sequential.named(name).input(3).dense(16, RELU).optimizer(Adam.of(0.02)).seed(4);
    }

    @Test
    void regressionIsReportedWithMaeRmseR2AndNoAccuracy() {
        float[][] x = features(1);
        float[][] y = new float[N][1];
        for (int i = 0; i < N; i++) {
            y[i][0] = 2 * x[i][0] - x[i][1] + 0.5f;
        }
        Model model = Model.of(base("reg").output(1, IDENTITY, MSE).build());
        Dataset data = Model.dataset(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
        History h = model.fit(data, 30, 32);
        Evaluation e = model.evaluate(data);
        assertEquals(OutputKind.REGRESSION, e.kind());
        assertTrue(Double.isNaN(e.accuracy()), "no accuracy for regression, got " + e.accuracy());
        assertTrue(Double.isNaN(h.epochs().get(0).trainAccuracy()));
        assertTrue(e.metric("r2") > 0.95, "r2 " + e.metric("r2"));
        assertEquals(Math.sqrt(e.metric("mse")), e.metric("rmse"), 1e-12);
        assertEquals(e.loss(), e.metric("mse"), 1e-5); // DL4J's MSE loss is the mean over outputs, no regularization here
    }

    @Test
    void multiLabelAccuracyIsPerLabel() {
        float[][] x = features(2);
        float[][] y = new float[N][4];
        for (int i = 0; i < N; i++) {
            y[i][0] = x[i][0] > 0 ? 1 : 0;
            y[i][1] = x[i][1] > 0 ? 1 : 0;
            y[i][2] = x[i][0] + x[i][1] > 0 ? 1 : 0;
            y[i][3] = x[i][2] > 0.5 ? 1 : 0;
        }
        Model model = Model.of(base("multi").output(4, SIGMOID, BINARY_CROSSENTROPY).build());
        Dataset data = Model.dataset(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
        model.fit(data, 40, 32);
        Evaluation e = model.evaluate(data);
        assertEquals(OutputKind.MULTI_LABEL, e.kind());
        assertEquals(4, e.classes().size());
        assertTrue(e.accuracy() > 0.9, "per-label accuracy " + e.accuracy());
        assertTrue(e.metric("exact_match") <= e.accuracy());
        assertTrue(e.auc() > 0.95, "auc " + e.auc());
    }

    @Test
    void sparseLabelsTrainExactlyAsOneHotLabels() {
        float[][] x = features(3);
        float[][] sparse = new float[N][1];
        float[][] oneHot = new float[N][3];
        for (int i = 0; i < N; i++) {
            int c = x[i][0] < -0.33 ? 0 : x[i][0] < 0.33 ? 1 : 2;
            sparse[i][0] = c;
            oneHot[i][c] = 1;
        }
        Dataset s = Model.dataset(Nd4j.createFromArray(x), Nd4j.createFromArray(sparse));
        Dataset o = Model.dataset(Nd4j.createFromArray(x), Nd4j.createFromArray(oneHot));
        History hs = Model.of(base("s").output(3, SOFTMAX, SPARSE_CATEGORICAL_CROSSENTROPY).build()).fit(s, 3, 32, s);
        History ho = Model.of(base("s").output(3, SOFTMAX, CATEGORICAL_CROSSENTROPY).build()).fit(o, 3, 32, o);
        for (int epoch = 0; epoch < 3; epoch++) {
            assertEquals(ho.epochs().get(epoch).trainLoss(), hs.epochs().get(epoch).trainLoss(), 1e-5);
            assertEquals(ho.epochs().get(epoch).validationAccuracy(), hs.epochs().get(epoch).validationAccuracy(), 0.0);
        }
        assertTrue(hs.epochs().get(2).trainAccuracy() > 0.6, "accuracy " + hs.epochs().get(2).trainAccuracy());
    }

    @Test
    void metricsChosenOnTheModelAreLoggedEveryEpochForTrainAndValidation() {
        float[][] x = features(5);
        float[][] y = new float[N][1];
        for (int i = 0; i < N; i++) {
            y[i][0] = x[i][0] + x[i][1] > 0 ? 1 : 0;
        }
        Dataset data = Model.dataset(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
        Model model = Model.of(base("binary").output(1, SIGMOID, BINARY_CROSSENTROPY)
                .metrics(io.fluentdl.train.Metric.AUC, io.fluentdl.train.Metric.VAL_PRECISION).build());
        History h = model.fit(data.first(200), 2, 32, data.slice(200, N));
        io.fluentdl.train.EpochMetrics last = h.epochs().get(1);
        assertEquals(java.util.List.of("auc", "precision", "val_auc", "val_precision"), java.util.List.copyOf(last.metrics().keySet()));
        assertEquals(model.evaluate(data.slice(200, N)).auc(), io.fluentdl.train.Metric.VAL_AUC.of(last), 1e-12);
        assertEquals(model.evaluate(data.first(200)).metric("precision"), last.metrics().get("precision"), 1e-12);
        assertEquals(java.util.List.of("loss", "accuracy", "val_loss", "val_accuracy", "auc", "val_auc", "precision", "val_precision"),
                java.util.List.copyOf(io.fluentdl.train.Metric.all(last).keySet()));
    }

    @Test
    void labelsOfTheWrongWidthFailWithOneLine() {
        Dataset data = Model.dataset(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 10, 3),
                Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 10, 3));
        Model model = Model.of(base("w").output(2, SOFTMAX, CATEGORICAL_CROSSENTROPY).build());
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> model.fit(data, 1, 5));
        assertTrue(e.getMessage().contains("labels must have 2 columns for output(2, categorical_crossentropy), got 3 columns"),
                e.getMessage());
    }

    @Test
    void sparseLabelsMustBeClassNumbers() {
        float[][] y = {{0}, {1}, {3}};
        Dataset data = Model.dataset(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 3), Nd4j.createFromArray(y));
        Model model = Model.of(base("sp").output(3, SOFTMAX, SPARSE_CATEGORICAL_CROSSENTROPY).build());
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> model.evaluate(data));
        assertTrue(e.getMessage().contains("needs class indices 0..2, got labels[2, 0]=3"), e.getMessage());
    }
}

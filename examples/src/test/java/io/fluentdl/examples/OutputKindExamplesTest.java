package io.fluentdl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.History;
import io.fluentdl.train.OutputKind;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The regression and multi-label examples report the metrics of their kind, and those metrics are the
 * numbers computed here by hand from the model's own predictions.
 */
class OutputKindExamplesTest {

    private static double[][] predict(Model model, double[][] x) {
        INDArray out = model.predict(Nd4j.createFromArray(x).castTo(DataType.FLOAT));
        return out.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    @Test
    void regressionReportsMseMaeRmseR2AsComputedByHandAndBeatsTheMean() {
        Regression.Friedman train = Regression.Friedman.sample(Regression.TRAIN, 1);
        Regression.Friedman test = Regression.Friedman.sample(Regression.TEST, 2);
        Model model = Model.of(Regression.spec());
        History history = model.fit(train.dataset(), 10, Regression.BATCH_SIZE, test.dataset());
        assertTrue(history.last().metrics().keySet().containsAll(java.util.List.of("val_mae", "val_rmse", "val_r2")),
                history.last().metrics().toString());
        Evaluation e = model.evaluate(test.dataset());
        assertEquals(OutputKind.REGRESSION, e.kind());
        assertTrue(Double.isNaN(e.accuracy()), "a regression has no accuracy, got " + e.accuracy());

        double[][] p = predict(model, test.x());
        double squared = 0;
        double absolute = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i][0] - test.y()[i];
            squared += d * d;
            absolute += Math.abs(d);
        }
        double mse = squared / p.length;
        assertEquals(mse, e.metric("mse"), 1e-3 * mse);
        assertEquals(absolute / p.length, e.metric("mae"), 1e-3 * e.metric("mae"));
        assertEquals(Math.sqrt(mse), e.metric("rmse"), 1e-3 * Math.sqrt(mse));
        assertEquals(1 - mse / test.variance(), e.metric("r2"), 1e-3);
        // predicting the training mean scores R² about 0; the network explains most of the variance
        assertTrue(e.metric("r2") > 0.8, "r2 " + e.metric("r2"));
        assertTrue(mse < test.mseOf(train.mean()) / 4, "mse " + mse + " against the mean's " + test.mseOf(train.mean()));
    }

    @Test
    void multiLabelReportsPerLabelAndExactMatchAccuracyAsComputedByHand() {
        MultiLabel.Points train = MultiLabel.Points.sample(MultiLabel.TRAIN, 1);
        MultiLabel.Points test = MultiLabel.Points.sample(MultiLabel.TEST, 2);
        Model model = Model.of(MultiLabel.spec());
        History history = model.fit(train.dataset(), 10, MultiLabel.BATCH_SIZE, test.dataset());
        assertTrue(history.last().metrics().containsKey("val_exact_match"), history.last().metrics().toString());
        Evaluation e = model.evaluate(test.dataset());
        assertEquals(OutputKind.MULTI_LABEL, e.kind());
        assertEquals(MultiLabel.TAGS.size(), e.classes().size());

        double[][] p = predict(model, test.x());
        int rightLabels = 0;
        int rightExamples = 0;
        int[] truePositives = new int[4];
        int[] predictedPositives = new int[4];
        int[] positives = new int[4];
        for (int i = 0; i < p.length; i++) {
            boolean all = true;
            for (int t = 0; t < 4; t++) {
                boolean predicted = p[i][t] >= 0.5;
                boolean actual = test.tags()[i][t] == 1;
                rightLabels += predicted == actual ? 1 : 0;
                all &= predicted == actual;
                truePositives[t] += predicted && actual ? 1 : 0;
                predictedPositives[t] += predicted ? 1 : 0;
                positives[t] += actual ? 1 : 0;
            }
            rightExamples += all ? 1 : 0;
        }
        assertEquals(rightLabels / (4.0 * p.length), e.accuracy(), 1e-9);
        assertEquals(rightExamples / (double) p.length, e.metric("exact_match"), 1e-9);
        for (int t = 0; t < 4; t++) {
            Evaluation.ClassMetrics c = e.classes().get(t);
            assertEquals(positives[t], c.support(), MultiLabel.TAGS.get(t));
            assertEquals(truePositives[t] / (double) predictedPositives[t], c.precision(), 1e-9, MultiLabel.TAGS.get(t));
            assertEquals(truePositives[t] / (double) positives[t], c.recall(), 1e-9, MultiLabel.TAGS.get(t));
        }
        assertTrue(e.accuracy() > test.majorityAccuracy() + 0.1,
                "per-label accuracy " + e.accuracy() + " against the majority answer's " + test.majorityAccuracy());
        assertTrue(e.metric("exact_match") <= e.accuracy());
    }

    @Test
    void kotlinTwinsBuildTheSameSpecs() {
        assertEquals(Regression.spec(), RegressionKotlin.regressionSpec());
        assertEquals(MultiLabel.spec(), MultiLabelKotlin.multiLabelSpec());
    }
}

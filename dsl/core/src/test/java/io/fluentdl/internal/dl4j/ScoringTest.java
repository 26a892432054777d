package io.fluentdl.internal.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.train.ConfusionMatrix;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.OutputKind;
import io.fluentdl.train.Roc;
import org.junit.jupiter.api.Test;

/** Every output kind's metrics against numbers worked out by hand (and scikit-learn's documented examples). */
class ScoringTest {

    @Test
    void regressionReportsMseMaeRmseAndR2AndNoAccuracy() {
        // errors 0, 1, -1, 1: mse 3/4, mae 3/4; mean label 2.75, total sum of squares 8.75: r2 = 1 - 3/8.75
        Evaluation e = Scoring.score(OutputKind.REGRESSION, new float[] {1, 2, 3, 4}, new float[] {1, 3, 2, 5}, 4, 1, 0.375);
        assertEquals(0.75, e.metric("mse"), 1e-12);
        assertEquals(0.75, e.metric("mae"), 1e-12);
        assertEquals(Math.sqrt(0.75), e.metric("rmse"), 1e-12);
        assertEquals(1 - 3 / 8.75, e.metric("r2"), 1e-12);
        assertTrue(Double.isNaN(e.accuracy()));
        assertTrue(e.classes().isEmpty());
        assertNull(e.confusion());
        IllegalStateException no = assertThrows(IllegalStateException.class, e::confusionMatrix);
        assertTrue(no.getMessage().contains("got kind=REGRESSION"), no.getMessage());
    }

    @Test
    void regressionR2IsTheMeanOverOutputColumns() {
        // column 0 predicted exactly (r2 1); column 1 predicts the mean 2 of labels 1, 3 (r2 0)
        Evaluation e = Scoring.score(OutputKind.REGRESSION, new float[] {5, 2, 7, 2}, new float[] {5, 1, 7, 3}, 2, 2, 0);
        assertEquals(0.5, e.metric("r2"), 1e-12);
        assertEquals(0.5, e.metric("mse"), 1e-12); // (0 + 1 + 0 + 1) / 4
    }

    @Test
    void multiLabelReportsPerLabelAndExactMatchAccuracy() {
        // 3 examples x 2 labels; predictions at 0.5: [1,0] [1,1] [0,0]; truth [1,0] [0,1] [0,1]
        float[] out = {0.9f, 0.2f, 0.7f, 0.6f, 0.1f, 0.4f};
        float[] y = {1, 0, 0, 1, 0, 1};
        Evaluation e = Scoring.score(OutputKind.MULTI_LABEL, out, y, 3, 2, 0);
        assertEquals(4 / 6.0, e.accuracy(), 1e-12);          // label values right: 1,1 / 0,1 / 1,0
        assertEquals(1 / 3.0, e.metric("exact_match"), 1e-12);
        // label 0: tp 1, fp 1, fn 0 -> precision 0.5, recall 1; label 1: tp 1, fp 0, fn 1 -> precision 1, recall 0.5
        assertEquals(new Evaluation.ClassMetrics(0, 0.5, 1.0, 2 / 3.0, 1), e.classes().get(0));
        assertEquals(new Evaluation.ClassMetrics(1, 1.0, 0.5, 2 / 3.0, 2), e.classes().get(1));
        assertEquals(0.75, e.metric("precision"), 1e-12);
        // label 0 scores 0.9 (pos) over 0.7, 0.1: auc 1; label 1: pos 0.6, 0.4 vs neg 0.2: auc 1
        assertEquals(1.0, e.auc(), 1e-12);
    }

    @Test
    void classificationHasConfusionMatrixMacroAndWeightedAverages() {
        // actual 0,0,1,2 ; predicted 0,1,1,2
        float[] out = {0.8f, 0.1f, 0.1f, 0.3f, 0.6f, 0.1f, 0.2f, 0.7f, 0.1f, 0.1f, 0.1f, 0.8f};
        float[] sparse = {0, 0, 1, 2};
        Evaluation e = Scoring.score(OutputKind.SPARSE_CLASSIFICATION, out, sparse, 4, 3, 0);
        assertEquals(new ConfusionMatrix(new long[][] {{1, 1, 0}, {0, 1, 0}, {0, 0, 1}}), e.confusionMatrix());
        assertEquals(0.75, e.accuracy(), 1e-12);
        // precision 1, 0.5, 1; recall 0.5, 1, 1; f1 2/3, 2/3, 1
        assertEquals(2.5 / 3, e.metric("precision"), 1e-12);
        assertEquals(2.5 / 3, e.metric("recall"), 1e-12);
        assertEquals((2 / 3.0 + 2 / 3.0 + 1) / 3, e.metric("f1"), 1e-12);
        assertEquals((2 * 2 / 3.0 + 2 / 3.0 + 1) / 4, e.metric("weighted_f1"), 1e-12);
        float[] oneHot = {1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
        assertEquals(e, Scoring.score(OutputKind.CLASSIFICATION, out, oneHot, 4, 3, 0).withKind(OutputKind.SPARSE_CLASSIFICATION));
    }

    @Test
    void binaryUsesThresholdHalfAndClassOneForPrecisionRecall() {
        float[] out = {0.1f, 0.4f, 0.35f, 0.8f};
        float[] y = {0, 0, 1, 1};
        Evaluation e = Scoring.score(OutputKind.BINARY, out, y, 4, 1, 0);
        assertEquals(new ConfusionMatrix(new long[][] {{2, 0}, {1, 1}}), e.confusionMatrix());
        assertEquals(0.75, e.accuracy(), 1e-12);
        assertEquals(1.0, e.metric("precision"), 1e-12);
        assertEquals(0.5, e.metric("recall"), 1e-12);
        assertEquals(0.75, e.auc(), 1e-12); // scikit-learn's roc_auc_score docstring example
    }

    @Test
    void aucCountsTiesAsHalfAndIsNaNWithOneClass() {
        assertEquals(0.5, Roc.auc(new float[] {0.5f, 0.5f}, new boolean[] {true, false}), 1e-12);
        assertTrue(Double.isNaN(Roc.auc(new float[] {0.1f, 0.2f}, new boolean[] {true, true})));
        // scikit-learn roc_curve example: thresholds inf, 0.8, 0.4, 0.35, 0.1
        var curve = Roc.curve(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new boolean[] {false, false, true, true});
        assertEquals(5, curve.size());
        assertEquals(new Roc.Point(0.4f, 0.5, 0.5), curve.get(2));
        assertEquals(new Roc.Point(0.1f, 1.0, 1.0), curve.get(4));
    }
}

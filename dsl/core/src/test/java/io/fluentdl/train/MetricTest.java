package io.fluentdl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.errors.InvalidConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keras' names, directions, and reading each metric from one epoch. */
class MetricTest {

    private static final EpochMetrics WITH_VALIDATION = new EpochMetrics(3, 0.1, 0.2, 0.3, 0.4, 1.0, 0.01);
    private static final EpochMetrics WITHOUT_VALIDATION = new EpochMetrics(3, 0.1, 0.2, Double.NaN, Double.NaN, 1.0, 0.01);

    @Test
    void keysAreKerasHistoryKeysInKerasOrder() {
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), Metric.standardKeys());
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy", "auc", "val_auc"), Metric.keys().subList(0, 6));
        assertEquals("val_accuracy", Metric.VAL_ACCURACY.toString());
    }

    @Test
    void eachMetricReadsItsOwnField() {
        assertEquals(0.1, Metric.LOSS.of(WITH_VALIDATION));
        assertEquals(0.2, Metric.ACCURACY.of(WITH_VALIDATION));
        assertEquals(0.3, Metric.VAL_LOSS.of(WITH_VALIDATION));
        assertEquals(0.4, Metric.VAL_ACCURACY.of(WITH_VALIDATION));
        assertTrue(Double.isNaN(Metric.VAL_LOSS.of(WITHOUT_VALIDATION)));
    }

    @Test
    void accuraciesAreMaximisedAndLossesMinimised() {
        assertTrue(Metric.ACCURACY.largerIsBetter());
        assertTrue(Metric.VAL_ACCURACY.largerIsBetter());
        assertFalse(Metric.LOSS.largerIsBetter());
        assertFalse(Metric.VAL_LOSS.largerIsBetter());
    }

    @Test
    void onlyValMetricsNeedValidation() {
        assertTrue(Metric.VAL_LOSS.needsValidation());
        assertTrue(Metric.VAL_ACCURACY.needsValidation());
        assertFalse(Metric.LOSS.needsValidation());
        assertFalse(Metric.ACCURACY.needsValidation());
    }

    @Test
    void allLeavesOutValidationMetricsWithoutValidationData() {
        assertEquals(Map.of("loss", 0.1, "accuracy", 0.2, "val_loss", 0.3, "val_accuracy", 0.4),
                Metric.all(WITH_VALIDATION));
        assertEquals(List.of("loss", "accuracy"), List.copyOf(Metric.all(WITHOUT_VALIDATION).keySet()));
    }

    @Test
    void namesParseWithSuggestions() {
        assertEquals(Metric.VAL_LOSS, Metric.parse("val-loss"));
        assertEquals(Metric.ACCURACY, Metric.parse(" Accuracy "));
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Metric.parse("val_acuracy"));
        assertEquals("metric", e.problems().get(0).parameter());
        assertEquals("Metric: unknown metric 'val_acuracy'. Expected one of: loss, accuracy, val_loss, val_accuracy, auc, "
                + "val_auc, precision, val_precision, recall, val_recall, f1, val_f1, mae, val_mae, mse, val_mse, rmse, val_rmse, r2, "
                + "val_r2, exact_match, val_exact_match. Did you mean 'val_accuracy'?", e.getMessage());
    }
}

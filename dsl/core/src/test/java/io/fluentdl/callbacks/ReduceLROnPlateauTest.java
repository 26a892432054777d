package io.fluentdl.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.Specs;
import io.fluentdl.callbacks.ReduceLROnPlateau.Reduction;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.train.History;
import io.fluentdl.train.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scripted metric sequences: exactly when the rate drops, by how much, and when it does not. */
class ReduceLROnPlateauTest {

    @Test
    void dropsAfterPatienceEpochsWithoutImprovement() {
        ReduceLROnPlateau plateau = ReduceLROnPlateau.monitor(Metric.VAL_LOSS).factor(0.5).patience(2);
        List<Double> rates = new ScriptedControl(1.0).run(plateau, 1.0, 0.9, 0.9, 0.9, 0.9, 0.9);
        assertEquals(List.of(1.0, 1.0, 1.0, 0.5, 0.5, 0.25), rates);
        assertEquals(List.of(new Reduction(4, 1.0, 0.5), new Reduction(6, 0.5, 0.25)), plateau.reductions());
    }

    @Test
    void improvementResetsTheWait() {
        ReduceLROnPlateau plateau = ReduceLROnPlateau.monitor(Metric.VAL_LOSS).factor(0.5).patience(2);
        new ScriptedControl(1.0).run(plateau, 1.0, 1.0, 0.8, 0.8, 0.7, 0.7, 0.7);
        assertEquals(List.of(new Reduction(7, 1.0, 0.5)), plateau.reductions());
    }

    @Test
    void changesSmallerThanMinDeltaAreNoImprovement() {
        // 0.99995 is below 1.0 but not by the default minDelta 1e-4
        ReduceLROnPlateau plateau = ReduceLROnPlateau.monitor(Metric.VAL_LOSS).factor(0.5).patience(1);
        new ScriptedControl(1.0).run(plateau, 1.0, 0.99995);
        assertEquals(List.of(new Reduction(2, 1.0, 0.5)), plateau.reductions());

        ReduceLROnPlateau exact = ReduceLROnPlateau.monitor(Metric.VAL_LOSS).factor(0.5).patience(1).minDelta(0);
        new ScriptedControl(1.0).run(exact, 1.0, 0.99995);
        assertEquals(List.of(), exact.reductions());
    }

    @Test
    void cooldownEpochsDoNotCountTowardsPatience() {
        ReduceLROnPlateau noCooldown = ReduceLROnPlateau.monitor(Metric.VAL_LOSS).factor(0.5).patience(1);
        new ScriptedControl(1.0).run(noCooldown, 1, 1, 1, 1, 1, 1, 1);
        assertEquals(List.of(2, 3, 4, 5, 6, 7), epochs(noCooldown));

        // Keras: the epoch in which the cooldown counter reaches 0 already counts
        ReduceLROnPlateau cooldown = ReduceLROnPlateau.monitor(Metric.VAL_LOSS).factor(0.5).patience(1).cooldown(2);
        new ScriptedControl(1.0).run(cooldown, 1, 1, 1, 1, 1, 1, 1);
        assertEquals(List.of(2, 4, 6), epochs(cooldown));
    }

    @Test
    void neverGoesBelowTheFloor() {
        ReduceLROnPlateau plateau = ReduceLROnPlateau.monitor(Metric.VAL_LOSS).factor(0.1).patience(1)
                .minLearningRate(0.05);
        List<Double> rates = new ScriptedControl(1.0).run(plateau, 1, 1, 1, 1, 1);
        assertEquals(List.of(1.0, 0.1, 0.05, 0.05, 0.05), rates);
        assertEquals(List.of(new Reduction(2, 1.0, 0.1), new Reduction(3, 0.1, 0.05)), plateau.reductions());
    }

    @Test
    void accuracyIsMaximisedUnderAuto() {
        ReduceLROnPlateau plateau = ReduceLROnPlateau.monitor(Metric.VAL_ACCURACY).factor(0.5).patience(1);
        ScriptedControl control = new ScriptedControl(1.0);
        plateau.onTrainBegin(control);
        double[] accuracy = {0.5, 0.6, 0.7, 0.65};
        for (int i = 0; i < accuracy.length; i++) {
            plateau.onEpochEnd(i + 1, ScriptedControl.valAccuracy(i + 1, accuracy[i]), control);
        }
        assertEquals(List.of(new Reduction(4, 1.0, 0.5)), plateau.reductions());
    }

    @Test
    void explicitModeOverridesTheMetricsDirection() {
        ReduceLROnPlateau plateau = ReduceLROnPlateau.monitor(Metric.VAL_LOSS).mode(Mode.MAX).factor(0.5).patience(1);
        new ScriptedControl(1.0).run(plateau, 1.0, 0.9);
        assertEquals(List.of(2), epochs(plateau));
    }

    @Test
    void aNewFitStartsFresh() {
        ReduceLROnPlateau plateau = ReduceLROnPlateau.monitor(Metric.VAL_LOSS).factor(0.5).patience(2);
        new ScriptedControl(1.0).run(plateau, 0.1, 0.2);
        new ScriptedControl(1.0).run(plateau, 1.0, 1.0);   // best 0.1 from the last fit is forgotten
        assertEquals(List.of(), plateau.reductions());
    }

    @Test
    void validationMetricWithoutValidationDataIsExplained() {
        ReduceLROnPlateau plateau = ReduceLROnPlateau.monitor(Metric.VAL_LOSS);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> plateau.onEpochEnd(1,
                new io.fluentdl.train.EpochMetrics(1, 0.5, 0.5, Double.NaN, Double.NaN, 0, 0.1), new ScriptedControl(0.1)));
        assertEquals("ReduceLROnPlateau: monitor=val_loss needs validation data, got none at epoch 1 (val_loss is NaN). "
                + "Pass validation data to fit(train, epochs, batchSize, validation, ...), or monitor loss.",
                e.getMessage());
    }

    @Test
    void badSettingsAreRejectedAtTheCall() {
        InvalidConfigException factor = assertThrows(InvalidConfigException.class,
                () -> ReduceLROnPlateau.monitor(Metric.VAL_LOSS).factor(1.0));
        assertEquals("factor", factor.problems().get(0).parameter());
        assertEquals("ReduceLROnPlateau: factor multiplies the rate and must be in (0, 1), got factor=1.0.",
                factor.getMessage());
        assertEquals("patience", assertThrows(InvalidConfigException.class,
                () -> ReduceLROnPlateau.monitor(Metric.VAL_LOSS).patience(-1)).problems().get(0).parameter());
        assertEquals("cooldown", assertThrows(InvalidConfigException.class,
                () -> ReduceLROnPlateau.monitor(Metric.VAL_LOSS).cooldown(-1)).problems().get(0).parameter());
        assertEquals("minLearningRate", assertThrows(InvalidConfigException.class,
                () -> ReduceLROnPlateau.monitor(Metric.VAL_LOSS).minLearningRate(-1e-3)).problems().get(0).parameter());
        assertEquals("minDelta", assertThrows(InvalidConfigException.class,
                () -> ReduceLROnPlateau.monitor(Metric.VAL_LOSS).minDelta(Double.NaN)).problems().get(0).parameter());
    }

    @Test
    void reductionsReachTheOptimizerInARealFit() {
        Dataset circles = Circles.dataset(200, 0.1, 1);
        Model model = Model.of(Specs.caseStudy(BnPlacement.NONE));
        // The training loss falls every epoch, so "higher is better" never improves after epoch 1:
        // with patience 1 the rate halves after every later epoch.
        ReduceLROnPlateau plateau = ReduceLROnPlateau.monitor(Metric.LOSS).mode(Mode.MAX).factor(0.5).patience(1);
        History h = model.fit(circles.slice(0, 100), 4, 16, plateau);
        assertEquals(List.of(2, 3, 4), epochs(plateau));
        assertEquals(0.01, h.epochs().get(1).learningRate(), 1e-12);    // reduced after epoch 2's metrics
        assertEquals(0.005, h.epochs().get(2).learningRate(), 1e-12);
        assertEquals(0.0025, h.epochs().get(3).learningRate(), 1e-12);
        assertEquals(0.00125, model.currentLearningRate(), 1e-12);
        assertTrue(plateau.toString().contains("mode=MAX"), plateau::toString);
    }

    private static List<Integer> epochs(ReduceLROnPlateau plateau) {
        return plateau.reductions().stream().map(Reduction::epoch).toList();
    }
}

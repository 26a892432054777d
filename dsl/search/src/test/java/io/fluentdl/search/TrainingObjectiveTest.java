package io.fluentdl.search;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.internal.dl4j.NativeThreads;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Init;
import io.fluentdl.nn.Loss;
import io.fluentdl.optim.Sgd;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingObjectiveTest {

    static final Dataset ALL = Circles.dataset(300, 0.1, 1);
    static final Dataset TRAIN = ALL.slice(0, 200);
    static final Dataset VALIDATION = ALL.slice(200, 300);
    static final Hp<Double> LR = Hp.logUniform("lr", 1e-3, 1.0);
    static final Hp<Integer> BATCH = Hp.intRange("batch_size", 16, 32, 16);

    static SearchSpace<ModelSpec> space() {
        return SearchSpace.named("circles").params(LR, BATCH).model(t -> Sequential.named("circles").input(2)
                .dense(16, Activation.RELU, Init.HE_UNIFORM)
                .output(1, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY)
                .optimizer(Sgd.of(t.get(LR)).momentum(0.9)).seed(3).build());
    }

    @Test
    void reportsEveryMetricEachEpochAndScoresTheLastValidationAccuracy() {
        TrainingObjective objective = TrainingObjective.on(TRAIN, VALIDATION).epochs(3).batchSize(BATCH);
        SearchResult<ModelSpec> result = RandomSearch.over(space()).trials(2).seed(1).objective(objective).run();
        assertEquals(Goal.MAXIMIZE, result.goal());
        TrialResult best = result.best();
        assertEquals(3, best.epochCount());
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), List.copyOf(best.epochs().get(1).keySet()));
        assertEquals(best.epochs().get(3).get("val_accuracy"), best.score(), 0.0);
        assertTrue(result.bestParamsJson().startsWith("{\"lr\":"), result.bestParamsJson());
    }

    @Test
    void twoExecutionsScoreTheMeanOfTwoSeeds() {
        TrainingObjective objective = TrainingObjective.on(TRAIN, VALIDATION).epochs(2).batchSize(16).executions(2);
        SearchSpace<ModelSpec> space = space();
        Trial trial = space.trialWith(Map.of("lr", 0.1, "batch_size", 16));
        SearchResult<ModelSpec> result = RandomSearch.over(space).trials(1).objective(objective).run();
        TrialResult only = result.trials().get(0);
        ModelSpec spec = space.build(space.trialWith(only.params()));
        double a = Model.of(spec).fit(TRAIN, 2, 16, VALIDATION).last().validationAccuracy();
        double b = Model.of(spec.toBuilder().seed(spec.seed() + 1).build()).fit(TRAIN, 2, 16, VALIDATION).last()
                .validationAccuracy();
        assertEquals((a + b) / 2, only.score(), 1e-9);
        assertEquals((a + b) / 2, only.epochs().get(2).get("val_accuracy"), 1e-9);
        assertEquals(16, objective.batchSizeFor(trial));
    }

    @Test
    void successiveHalvingStopsTrainingEarlyAndSavesEpochs() {
        TrainingObjective objective = TrainingObjective.on(TRAIN, VALIDATION).epochs(9).batchSize(32)
                .metric(Metric.VAL_LOSS);
        SearchResult<ModelSpec> result = RandomSearch.over(space()).trials(6).seed(2).objective(objective)
                .pruner(Pruner.successiveHalving(1, 3)).run();
        assertEquals(Goal.MINIMIZE, result.goal());
        List<TrialResult> pruned = result.trials(TrialStatus.PRUNED);
        assertTrue(!pruned.isEmpty(), result::table);
        pruned.forEach(t -> assertTrue(t.epochCount() < 9, result::table));
        pruned.forEach(t -> assertTrue(t.reason().contains("(val_loss="), t.reason()));
        assertTrue(result.totalEpochs() < 6 * 9, result::table);
    }

    @Test
    void describeNamesWhatDecidesATrialsBudgetAndScore() {
        assertEquals("training(epochs=3, batchSize=32, metric=val_accuracy, executions=1)",
                TrainingObjective.on(TRAIN, VALIDATION).epochs(3).batchSize(32).describe());
        assertEquals("training(epochs=9, batchSize=Hp 'batch_size', metric=loss, executions=2)",
                TrainingObjective.on(TRAIN, null).epochs(9).batchSize(BATCH).metric(Metric.LOSS).executions(2)
                        .describe());
        TrialObjective<ModelSpec> lambda = (spec, trial, reporter) -> 0;
        assertEquals(TrialObjective.CUSTOM, lambda.describe());
    }

    @Test
    void aResumedStudyRefusesAnotherObjective(@TempDir Path dir) {
        try (Study study = Study.open(dir.resolve("s.db"), "s")) {
            RandomSearch.over(space()).trials(1).seed(1).study(study)
                    .objective(TrainingObjective.on(TRAIN, VALIDATION).epochs(2).batchSize(32)).run();
            // an equal objective (another instance, as in a new process) resumes
            assertEquals(2, RandomSearch.over(space()).trials(2).seed(1).study(study).resume()
                    .objective(TrainingObjective.on(TRAIN, VALIDATION).epochs(2).batchSize(32)).run().trials().size());
            InvalidConfigException epochs = assertThrows(InvalidConfigException.class, () -> RandomSearch.over(space())
                    .trials(3).seed(1).study(study).resume()
                    .objective(TrainingObjective.on(TRAIN, VALIDATION).epochs(3).batchSize(32)).run());
            assertEquals("Study 's': was created by another search; its objective was training(epochs=2, "
                    + "batchSize=32, metric=val_accuracy, executions=1), this search's is training(epochs=3, "
                    + "batchSize=32, metric=val_accuracy, executions=1). Use a new study name, or the search that "
                    + "created it.", epochs.getMessage());
            // val_accuracy and accuracy share a goal: only the objective tells them apart
            String metric = assertThrows(InvalidConfigException.class, () -> RandomSearch.over(space()).trials(3)
                    .seed(1).study(study).resume().objective(TrainingObjective.on(TRAIN, VALIDATION).epochs(2)
                            .batchSize(32).metric(Metric.ACCURACY)).run()).getMessage();
            assertTrue(metric.contains("this search's is training(epochs=2, batchSize=32, metric=accuracy, "
                    + "executions=1)"), metric);
            String batch = assertThrows(InvalidConfigException.class, () -> RandomSearch.over(space()).trials(3)
                    .seed(1).study(study).resume().objective(TrainingObjective.on(TRAIN, VALIDATION).epochs(2)
                            .batchSize(BATCH).executions(2)).run()).getMessage();
            assertTrue(batch.contains("this search's is training(epochs=2, batchSize=Hp 'batch_size', "
                    + "metric=val_accuracy, executions=2)"), batch);
            assertEquals(2, study.rows().size());
        }
    }

    @Test
    void aDivergedEpochFailsTheTrialWithItsLosses() {
        RuntimeException stop = TrainingObjective.report(new EpochMetrics(4, Double.NaN, 0.5, Double.POSITIVE_INFINITY,
                0.5, 1, 0.1), 1, (epoch, metrics) -> { });
        assertInstanceOf(TrialFailed.class, stop);
        assertEquals("training diverged at epoch 4: loss=NaN, val_loss=Infinity", stop.getMessage());
        assertNull(TrainingObjective.report(new EpochMetrics(1, 0.3, 0.5, 0.4, 0.5, 1, 0.1), 1, (e, m) -> { }));
    }

    @Test
    void thePrunerIsNotAskedAtTheObjectivesLastEpoch() {
        // the search takes the final epoch from the objective: with one and with two executions
        for (int executions : new int[] {1, 2}) {
            List<Integer> asked = new CopyOnWriteArrayList<>();
            TrainingObjective objective = TrainingObjective.on(TRAIN, VALIDATION).epochs(3).batchSize(32)
                    .executions(executions);
            SearchResult<ModelSpec> result = RandomSearch.over(space()).trials(1).objective(objective)
                    .pruner((trial, epoch, value, history) -> {
                        asked.add(epoch);
                        return epoch == 3 ? "a rung at the last epoch" : null;
                    }).run();
            assertEquals(List.of(1, 2), asked);
            assertEquals(TrialStatus.COMPLETE, result.trials().get(0).status(), result::table);
        }
    }

    @Test
    void epochsPerTrialMustMatchATrainingObjective() {
        TrainingObjective objective = TrainingObjective.on(TRAIN, VALIDATION).epochs(3).batchSize(32);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> RandomSearch.over(space())
                .trials(1).epochsPerTrial(9).objective(objective).run());
        assertEquals("Search over 'circles': epochsPerTrial must match the TrainingObjective's epochs, got "
                + "epochsPerTrial=9, epochs=3. Drop epochsPerTrial(...): a TrainingObjective sets it.", e.getMessage());
    }

    @Test
    void aValidationMetricWithoutValidationDataIsRejected() {
        TrainingObjective objective = TrainingObjective.on(TRAIN, null);
        assertEquals(Metric.ACCURACY, objective.metric());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> objective.metric(Metric.VAL_ACCURACY))
                .getMessage().contains("needs a validation set"));
    }

    @Test
    void threadsPerTrialShareTheCores() {
        assertEquals(4, NativeThreads.perTrial(2, 8, 0));
        assertEquals(1, NativeThreads.perTrial(4, 2, 0));
        assertEquals(1, NativeThreads.perTrial(1, 8, 1));
    }

    @Test
    void epochBudgetStopsStartingTrials() {
        TrainingObjective objective = TrainingObjective.on(TRAIN, VALIDATION).epochs(2).batchSize(32);
        SearchResult<ModelSpec> result = RandomSearch.over(space()).trials(10).objective(objective).epochBudget(5).run();
        assertEquals(3, result.trials().size(), result::table);
        assertEquals(6, result.totalEpochs());
    }
}

package io.fluentdl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.callbacks.EarlyStopping;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.train.Metric;
import org.junit.jupiter.api.Test;

/** The README's objective line: the search monitors the metric the callbacks monitor. */
class ReadmeObjectiveSnippetTest {

    @Test
    void objectiveLineSharesTheCallbacksMetric() {
        Dataset data = Circles.dataset(200, 0.1, 1);
        EarlyStopping stop = EarlyStopping.monitor(Metric.VAL_LOSS).patience(5).restoreBestWeights(true);
        TrainingObjective objective = TrainingObjective.on(data.slice(0, 100), data.slice(100, 200))
                .epochs(9).batchSize(32).metric(Metric.VAL_ACCURACY);
        assertEquals(Metric.VAL_ACCURACY, objective.metric());
        assertTrue(stop.toString().startsWith("EarlyStopping(monitor=val_loss,"), stop::toString);
    }
}

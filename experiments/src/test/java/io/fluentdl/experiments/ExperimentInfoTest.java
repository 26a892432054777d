package io.fluentdl.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One {@link ExperimentInfo} per experiment: the names and default counts are a contract. */
class ExperimentInfoTest {

    @Test
    void shippedExperimentsKeepTheirNamesEpochsAndSeeds() {
        Map<String, List<Integer>> counts = new LinkedHashMap<>();
        for (Experiment e : Experiments.registry().createAll()) {
            ExperimentInfo i = e.info();
            counts.put(i.name(), List.of(i.epochs(), i.quickEpochs(), i.seeds(), i.quickSeeds()));
        }
        // name -> [epochs, quick epochs, seeds, quick seeds], as the README's table of experiments states them
        assertEquals(List.of("bn-case-study", "mnist-momentum", "mnist-batchnorm", "mnist-optimizers",
                "mnist-schedules", "lr-range-test", "keras-mnist-mlp", "keras-mnist-convnet", "sampling-scales",
                "random-vs-grid", "mnist-search"), List.copyOf(counts.keySet()));
        assertEquals(List.of(100, 30, 5, 2), counts.get("bn-case-study"));
        assertEquals(List.of(15, 1, 1, 2), counts.get("keras-mnist-convnet"));
        assertEquals(List.of(20, 2, 3, 2), counts.get("lr-range-test"));
        assertEquals(List.of(1, 1, 5, 2), counts.get("sampling-scales"));
    }

    @Test
    void everyExperimentHasExactlyOneOfTheTwoShapes() {
        for (Experiment e : Experiments.registry().createAll()) {
            boolean results = e instanceof ResultsExperiment;
            boolean own = e instanceof OwnOutputExperiment;
            assertTrue(results ^ own, e.info().name());
        }
    }

    @Test
    void quickAndFullCountsAreReadByOneFlag() {
        ExperimentInfo info = ExperimentInfo.of("x", "d", 10, 3).withSeeds(4, 1);
        assertEquals(3, info.epochs(true));
        assertEquals(10, info.epochs(false));
        assertEquals(1, info.seeds(true));
        assertEquals(4, info.seeds(false));
        assertEquals(ExperimentInfo.DEFAULT_SEEDS, ExperimentInfo.of("x", "d", 10, 3).seeds(false));
    }

    @Test
    void countsBelowOneAreRefusedWithEveryValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExperimentInfo.of("x", "d", 0, 3));
        assertEquals("ExperimentInfo: needs a name, a description and counts >= 1, got name=x, description=d, "
                + "epochs=0, quickEpochs=3, seeds=5, quickSeeds=2.", e.getMessage());
    }
}

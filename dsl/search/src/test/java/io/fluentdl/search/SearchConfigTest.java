package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.train.Metric;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Search is an immutable configuration, checked as a whole when it runs, whatever the call order. */
class SearchConfigTest {

    static final TrainingObjective VAL_ACCURACY = TrainingObjective.on(TrainingObjectiveTest.TRAIN,
            TrainingObjectiveTest.VALIDATION).epochs(2).batchSize(32).metric(Metric.VAL_ACCURACY);

    @Test
    void aGoalThatContradictsTheTrainingObjectivesMetricIsAnErrorInEitherOrder() {
        String rule = "the TrainingObjective's metric val_accuracy is better larger, but the search was told to minimize";
        Search<Map<String, Object>> after = RandomSearch.over(Synthetic.space()).objective(erased()).minimize();
        Search<Map<String, Object>> before = RandomSearch.over(Synthetic.space()).minimize().objective(erased());
        for (Search<Map<String, Object>> s : java.util.List.of(after, before)) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class, s::run);
            assertTrue(e.getMessage().contains(rule), e.getMessage());
            assertTrue(e.getMessage().contains("Drop maximize()/minimize(): a TrainingObjective sets the goal"),
                    e.getMessage());
        }
    }

    @Test
    void aPlainObjectiveNeedsAGoal() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> RandomSearch.over(Synthetic.space()).objective(Synthetic.objective()).run());
        assertTrue(e.getMessage().contains("the goal is not set. Call maximize() or minimize()"), e.getMessage());
    }

    @Test
    void everySettingReturnsANewSearchAndLeavesTheOldOneAsItWas() {
        Search<Map<String, Object>> base = RandomSearch.over(Synthetic.space()).trials(4).seed(3).maximize()
                .objective(Synthetic.objective());
        Search<Map<String, Object>> fewer = base.trials(2);
        Search<Map<String, Object>> minimized = base.minimize();
        assertEquals(2, fewer.run().trials().size());
        SearchResult<Map<String, Object>> all = base.run();
        assertEquals(4, all.trials().size());
        // the same configuration runs again to the same trials; the minimizing variant picks the other end
        assertEquals(all.best().params(), base.run().best().params());
        double worst = all.trials().stream().mapToDouble(TrialResult::score).min().orElseThrow();
        assertEquals(worst, minimized.run().best().score(), 0);
    }

    /** The TrainingObjective typed for the synthetic space: its goal check runs before any model is built. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TrialObjective<Map<String, Object>> erased() {
        return (TrialObjective) VAL_ACCURACY;
    }
}

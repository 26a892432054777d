package io.fluentdl.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fluentdl.errors.InvalidConfigException;
import org.junit.jupiter.api.Test;

class LearningRatesTest {

    @Test
    void sampleGivesTheRateAtEachIterationWithItsEpoch() {
        LearningRate byEpoch = StepDecay.of(0.1, 0.5, Period.epochs(1));
        double[] values = LearningRates.sample(byEpoch, 7, 3);
        assertEquals(7, values.length);
        assertEquals(0.1, values[2]);
        assertEquals(0.05, values[3]);
        assertEquals(0.025, values[6]);
    }

    @Test
    void sampleOfNothingIsEmpty() {
        assertEquals(0, LearningRates.sample(LearningRate.constant(0.1), 0, 10).length);
    }

    @Test
    void zeroItersPerEpochIsRejected() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> LearningRates.sample(LearningRate.constant(0.1), 10, 0));
        assertEquals("itersPerEpoch", e.problems().get(0).parameter());
    }
}

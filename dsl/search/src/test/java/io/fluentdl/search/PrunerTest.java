package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrunerTest {

    @Test
    void rungsAreMinEpochsTimesPowersOfEta() {
        SuccessiveHalvingPruner p = new SuccessiveHalvingPruner(2, 3);
        assertTrue(p.isRung(2));
        assertTrue(p.isRung(6));
        assertTrue(p.isRung(18));
        assertFalse(p.isRung(1));
        assertFalse(p.isRung(3));
        assertFalse(p.isRung(7));
    }

    @Test
    void ashaPromotesTheBestThirdAtARung() {
        EpochHistory h = new EpochHistory();
        Pruner p = Pruner.successiveHalving(1, 3);
        // values are loss-like (smaller is better)
        h.record(0, 1, 0.5);
        assertNull(p.prune(0, 1, 0.5, h));               // alone: the best of 1
        h.record(1, 1, 0.7);
        assertNotNull(p.prune(1, 1, 0.7, h));            // 2 values: keep the best 1
        h.record(2, 1, 0.4);
        assertNull(p.prune(2, 1, 0.4, h));               // better than all
        for (int t = 3; t < 6; t++) {
            h.record(t, 1, 0.1 * t);
        }
        // 7 values {0.3, 0.4, 0.4, 0.5, 0.5, 0.7, 0.45}: keep the best 7 / 3 = 2, threshold 0.4
        h.record(6, 1, 0.45);
        String why = p.prune(6, 1, 0.45, h);
        assertEquals("successive halving at epoch 1: 0.45 is not in the best 2 of 7 at this rung", why);
        assertNull(p.prune(6, 2, 0.45, h));              // not a rung
    }

    @Test
    void medianStopsTrialsWorseThanTheMedianAfterWarmup() {
        EpochHistory h = new EpochHistory();
        Pruner p = Pruner.median(1, 3);
        for (int t = 0; t < 3; t++) {
            h.record(t, 2, t);                           // others at epoch 2: 0, 1, 2 -> median 1
        }
        h.record(9, 1, 5);
        assertNull(p.prune(9, 1, 5, h));                 // warm-up
        h.record(9, 2, 1.5);
        assertEquals("median stopping at epoch 2: best so far 1.5 is worse than the median 1.0 of 3 other trials",
                p.prune(9, 2, 1.5, h));
        h.record(8, 2, 0.5);
        assertNull(p.prune(8, 2, 0.5, h));
        assertNull(Pruner.median(1, 5).prune(9, 2, 1.5, h));   // too few others
    }

    @Test
    void aDescriptionNamesTheTypeAndEverySetting() {
        // what a study stores and compares on resume
        assertEquals("none", Pruner.none().describe());
        assertEquals("successiveHalving(minEpochs=1, reductionFactor=3)", Pruner.successiveHalving(1, 3).describe());
        assertEquals("hyperband(minEpochs=1, maxEpochs=9, reductionFactor=3)", Pruner.hyperband(1, 9, 3).describe());
        assertEquals("median(warmupEpochs=5, minTrials=4)", Pruner.median(5, 4).describe());
        // a lambda's class name changes between runs: every lambda reads the same
        Pruner lambda = (trial, epoch, value, history) -> null;
        assertEquals(Pruner.LAMBDA, lambda.describe());
    }

    @Test
    void badSettingsFailAtTheCall() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Pruner.successiveHalving(1, 1));
        assertEquals("reductionFactor", e.problems().get(0).parameter());
    }
}

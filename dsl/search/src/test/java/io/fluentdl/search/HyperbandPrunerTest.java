package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HyperbandPrunerTest {

    @Test
    void nineEpochsWithEtaThreeGiveBracketsStartingAtOneThreeAndNine() {
        HyperbandPruner p = new HyperbandPruner(1, 9, 3);
        assertEquals(3, p.brackets());
        assertEquals(List.of(1, 3), p.rungs(0));   // 9 is maxEpochs: no rung there
        assertEquals(List.of(3), p.rungs(1));
        assertEquals(List.of(), p.rungs(2));       // Li et al.'s s = 0: random search at full budget
        // ceil((s_max + 1) / (s + 1) * eta^s) for s = 2, 1, 0: 3/3 * 9 = 9, 3/2 * 3 = 4.5 -> 5, 3/1 * 1 = 3
        assertEquals(List.of(9L, 5L, 3L), List.of(p.weight(0), p.weight(1), p.weight(2)));
    }

    @Test
    void rungsAreWholeEpochsWhenMaxEpochsIsNoPowerOfEta() {
        HyperbandPruner p = new HyperbandPruner(2, 20, 3);   // first rungs 2, 6, 18; 54 > 20
        assertEquals(3, p.brackets());
        assertEquals(List.of(2, 6, 18), p.rungs(0));
        assertEquals(List.of(6, 18), p.rungs(1));
        assertEquals(List.of(18), p.rungs(2));
        HyperbandPruner four = new HyperbandPruner(1, 4, 2);
        assertEquals(List.of(List.of(1, 2), List.of(2), List.of()), List.of(four.rungs(0), four.rungs(1), four.rungs(2)));
        // s = 2, 1, 0: 3/3 * 4 = 4, 3/2 * 2 = 3, 3/1 * 1 = 3
        assertEquals(List.of(4L, 3L, 3L), List.of(four.weight(0), four.weight(1), four.weight(2)));
        // ties go to the lower bracket: [4,3,3]->0 [-2,6,6]->1 [2,-1,9]->2 [6,2,2]->0 [0,5,5]->1 [4,-2,8]->2
        // [8,1,1]->0 [2,4,4]->1 [6,-3,7]->2 [10,0,0]->0
        int[] brackets = new int[10];
        for (int n = 0; n < 10; n++) {
            brackets[n] = four.bracketOf(n);
        }
        assertEquals("[0, 1, 2, 0, 1, 2, 0, 1, 2, 0]", Arrays.toString(brackets));
    }

    @Test
    void trialsGoToBracketsByWeightedRoundRobinOverTheirNumber() {
        HyperbandPruner p = new HyperbandPruner(1, 9, 3);
        // smooth weighted round-robin over weights 9, 5, 3 (credit after each step, then the choice):
        // [9,5,3]->0 [1,10,6]->1 [10,-2,9]->0 [2,3,12]->2 [11,8,-2]->0 [3,13,1]->1 [12,1,4]->0 [4,6,7]->2
        // [13,11,-7]->0 [5,16,-4]->1 [14,4,-1]->0 [6,9,2]->1 [15,-3,5]->0 [7,2,8]->2 [16,7,-6]->0
        // [8,12,-3]->1 [17,0,0]->0, back to all zeros: period 17
        int[] expected = {0, 1, 0, 2, 0, 1, 0, 2, 0, 1, 0, 1, 0, 2, 0, 1, 0};
        int[] counts = new int[3];
        for (int n = 0; n < 17; n++) {
            assertEquals(expected[n], p.bracketOf(n), "trial " + n);
            assertEquals(expected[n], p.bracketOf(n + 17), "trial " + (n + 17));
            counts[expected[n]]++;
        }
        assertEquals("[9, 5, 3]", Arrays.toString(counts));
        // asked out of order (as parallel trials and resumed studies do), the answer is the same
        HyperbandPruner fresh = new HyperbandPruner(1, 9, 3);
        assertEquals(2, fresh.bracketOf(37));   // 37 mod 17 = 3
        assertEquals(1, fresh.bracketOf(5));
        assertEquals(0, fresh.bracketOf(0));
    }

    /** Loss-like values of one trial, epochs 1 to 9: {@code base} except where {@code at} says otherwise. */
    private static double[] curve(double base, double... epochValuePairs) {
        double[] v = new double[9];
        Arrays.fill(v, base);
        for (int i = 0; i < epochValuePairs.length; i += 2) {
            v[(int) epochValuePairs[i] - 1] = epochValuePairs[i + 1];
        }
        return v;
    }

    /** Runs trials one after another, as one worker does; each trial's outcome: "complete" or its reason. */
    private static Map<Integer, String> runInOrder(Pruner p, List<double[]> curves) {
        EpochHistory h = new EpochHistory();
        Map<Integer, String> outcome = new LinkedHashMap<>();
        for (int t = 0; t < curves.size(); t++) {
            String why = null;
            for (int e = 1; e <= 9 && why == null; e++) {
                h.record(t, e, curves.get(t)[e - 1]);
                why = p.prune(t, e, curves.get(t)[e - 1], h);
            }
            outcome.put(t, why == null ? "complete" : why);
        }
        return outcome;
    }

    @Test
    void eachBracketHalvesOnlyAmongItsOwnTrials() {
        // brackets of trials 0..9: 0 1 0 2 0 1 0 2 0 1; rungs: bracket 0 at 1 and 3, bracket 1 at 3, bracket 2 none
        List<double[]> curves = List.of(
                curve(0.5),                 // 0, b0: alone at both rungs
                curve(0.9),                 // 1, b1: not judged at 1; alone at 3
                curve(0.4, 9, 0.7),         // 2, b0: best of {0.5, 0.4} at 1 and 3; worse at 9, but 9 is no rung
                curve(2.0),                 // 3, b2: the worst of all, never judged
                curve(0.45),                // 4, b0: epoch 1 {0.5, 0.4, 0.45} keeps 1 -> stopped
                curve(0.8),                 // 5, b1: epoch 3 {0.9, 0.8} keeps 0.8; with b0's values it would go
                curve(0.3, 3, 0.6),         // 6, b0: best at 1; epoch 3 {0.5, 0.4, 0.6} keeps 1 -> stopped
                curve(0.1),                 // 7, b2
                curve(0.2),                 // 8, b0: best at 1 {.5 .4 .45 .3 .2} and at 3 {.5 .4 .6 .2}
                curve(1.0));                // 9, b1: epoch 3 {0.9, 0.8, 1.0} keeps 1 -> stopped
        Map<Integer, String> expected = new LinkedHashMap<>();
        for (int t = 0; t < 10; t++) {
            expected.put(t, "complete");
        }
        expected.put(4, "hyperband bracket 0 (rungs at epochs 1, 3): successive halving at epoch 1: 0.45 is not in "
                + "the best 1 of 3 at this rung");
        expected.put(6, "hyperband bracket 0 (rungs at epochs 1, 3): successive halving at epoch 3: 0.6 is not in "
                + "the best 1 of 3 at this rung");
        expected.put(9, "hyperband bracket 1 (rungs at epochs 3): successive halving at epoch 3: 1.0 is not in "
                + "the best 1 of 3 at this rung");
        assertEquals(expected, runInOrder(Pruner.hyperband(1, 9, 3), curves));

        // plain ASHA on the same curves judges everyone together, from epoch 1, and up to epoch 9
        Map<Integer, String> asha = runInOrder(Pruner.successiveHalving(1, 3), curves);
        List<Integer> stoppedByAsha = new ArrayList<>();
        asha.forEach((t, why) -> {
            if (!why.equals("complete")) {
                stoppedByAsha.add(t);
            }
        });
        // 1 and 5 fall at epoch 1 (bracket 1 waits until 3), 3 falls (bracket 2 never judges), 2 falls at epoch 9,
        // and 8 falls at epoch 3 behind trial 7 (0.1), which Hyperband put in another bracket
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 8, 9), stoppedByAsha, asha::toString);
    }

    @Test
    void theHistoryViewHidesOtherBracketsButNotTheTrialsOwnPast() {
        EpochHistory h = new EpochHistory();
        h.record(0, 1, 0.5);
        h.record(1, 1, 0.9);
        h.record(2, 1, 0.4);
        h.record(2, 2, 0.6);
        PruningHistory even = h.only(t -> t % 2 == 0);
        assertEquals(List.of(0.5), even.valuesAt(1, 2));
        assertEquals(0.4, even.bestUpTo(2, 2));
        assertEquals(3, h.valuesAt(1, t -> true).size());
    }

    @Test
    void nothingIsPrunedAtOrAfterMaxEpochs() {
        Pruner p = Pruner.hyperband(1, 3, 3);   // brackets: rung 1; none
        EpochHistory h = new EpochHistory();
        h.record(0, 1, 0.1);
        h.record(0, 3, 0.1);
        h.record(2, 1, 0.9);   // trial 2 is in bracket 0 with trial 0 (weights 3, 2: brackets 0 1 0 1 0)
        assertTrue(p.prune(2, 1, 0.9, h).startsWith("hyperband bracket 0 (rungs at epochs 1): "), p.prune(2, 1, 0.9, h));
        h.record(2, 3, 0.9);
        assertNull(p.prune(2, 3, 0.9, h));
        h.record(2, 9, 0.9);
        h.record(0, 9, 0.1);
        assertNull(p.prune(2, 9, 0.9, h));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "min epochs zero       | 0 | 9 | 3 | minEpochs       | 0 | minEpochs must be >= 1, got minEpochs=0",
        "max epochs zero       | 1 | 0 | 3 | maxEpochs       | 0 | maxEpochs must be >= 1, got maxEpochs=0",
        "eta one               | 1 | 9 | 1 | reductionFactor | 1 | reductionFactor must be >= 2, got reductionFactor=1",
        "one bracket only      | 1 | 2 | 3 | maxEpochs       | 2 | maxEpochs must be >= minEpochs * reductionFactor = 3",
        "max below min         | 5 | 4 | 2 | maxEpochs       | 4 | for a second bracket, got maxEpochs=4, minEpochs=5",
        "product past int      | 2147483647 | 2147483647 | 2 | maxEpochs | 2147483647 | = 4294967294",
    })
    void badSettingsFailAtTheCallWithTheirValues(String caseName, int min, int max, int eta, String parameter,
                                                 String value, String fragment) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Pruner.hyperband(min, max, eta));
        Problem problem = e.problems().get(0);
        assertEquals(parameter.trim(), problem.parameter());
        assertEquals(value.trim(), String.valueOf(problem.value()));
        assertTrue(e.getMessage().startsWith("Pruner.hyperband: "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment.trim()), e.getMessage());
    }

    @Test
    void theOneBracketMessageReadsAsOneSentenceWithItsFix() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Pruner.hyperband(1, 2, 3));
        assertEquals("Pruner.hyperband: maxEpochs must be >= minEpochs * reductionFactor = 3 for a second bracket, "
                + "got maxEpochs=2, minEpochs=1, reductionFactor=3. Raise maxEpochs to the epochs a trial trains, or "
                + "use Pruner.successiveHalving(1, 3) (one bracket).", e.getMessage());
    }

    @Test
    void describesItselfForResultsFiles() {
        assertEquals("hyperband(minEpochs=1, maxEpochs=9, reductionFactor=3)", Pruner.hyperband(1, 9, 3).toString());
    }
}

package io.fluentdl.search;

import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.generator.GridSearchCandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchSpaceAdapterTest {

    static final Hp<Integer> UNITS = Hp.intRange("units", 16, 256);
    static final Hp<Double> LR = Hp.logUniform("learningRate", 1e-4, 1e-1);
    static final Hp<Double> MOMENTUM = Hp.oneMinusLogUniform("momentum", 0.9, 0.999);
    static final Hp<Double> DROPOUT = Hp.uniform("dropout", 0.0, 0.5);
    static final Hp<Integer> BATCH = Hp.choice("batch", 32, 64, 128);
    static final Hp<Integer> EPOCHS = Hp.fixed("epochs", 30);

    /** The "model" is the trial's parameter map, so tests can check every value. */
    static SearchSpace<Map<String, Object>> space() {
        return SearchSpace.named("bn-search")
                .params(UNITS, LR, EPOCHS, MOMENTUM, DROPOUT, BATCH)
                .model(Trial::params);
    }

    @Test
    void eachHpBecomesOneNamedLeafOfArbitersKind() {
        SearchSpaceAdapter<Map<String, Object>> adapter = SearchSpaceAdapter.of(space());
        Map<String, ParameterSpace> leaves = adapter.getNestedSpaces();
        assertEquals(List.of("units", "learningRate", "epochs", "momentum", "dropout", "batch"),
                new ArrayList<>(leaves.keySet()));
        assertInstanceOf(IntegerParameterSpace.class, leaves.get("units"));
        assertInstanceOf(ContinuousParameterSpace.class, leaves.get("learningRate"));
        assertInstanceOf(FixedValue.class, leaves.get("epochs"));
        assertEquals("OneMinusLogSpace", leaves.get("momentum").getClass().getSimpleName()); // FluentDL's leaf: Arbiter has none
        assertInstanceOf(ContinuousParameterSpace.class, leaves.get("dropout"));
        assertInstanceOf(DiscreteParameterSpace.class, leaves.get("batch"));
        assertEquals(5, adapter.numParameters());
        assertEquals(6, adapter.collectLeaves().size());
    }

    @Test
    void leavesMapUnitValuesExactlyLikeTheirHp() {
        SearchSpaceAdapter<Map<String, Object>> adapter = SearchSpaceAdapter.of(space());
        for (double u : new double[]{0, 0.5, 1, 0.3, 0.77}) {
            double[] point = {u, u, u, u, u};
            Map<String, Object> model = adapter.getValue(point);
            assertEquals(UNITS.fromUnit(u), model.get("units"));
            assertEquals(LR.fromUnit(u), model.get("learningRate"));
            assertEquals(30, model.get("epochs"));
            assertEquals(MOMENTUM.fromUnit(u), model.get("momentum"));
            assertEquals(DROPOUT.fromUnit(u), model.get("dropout"));
            assertEquals(BATCH.fromUnit(u), model.get("batch"));
            for (Map.Entry<String, ParameterSpace> leaf : adapter.getNestedSpaces().entrySet()) {
                Hp<?> hp = space().param(leaf.getKey());
                assertEquals(hp.fromUnit(u), leaf.getValue().getValue(point), hp.name());
            }
        }
        assertEquals(0.99, (Double) adapter.getValue(new double[]{0.5, 0.5, 0.5, 0.5, 0.5}).get("momentum"), 1e-12);
    }

    @Test
    void arbitersDefaultIntegerDistributionRoundsTheMiddleDown() {
        // why Hp.intRange gives IntegerParameterSpace a distribution of its own: Arbiter's default inverts the
        // integer CDF, so u = 1/2 over {0, 1} is 0; equal half-open shares (DiscreteParameterSpace's rule) give 1
        IntegerParameterSpace plain = new IntegerParameterSpace(0, 1);
        plain.setIndices(0);
        assertEquals(0, plain.getValue(new double[]{0.5}));
        assertEquals(1, Hp.intRange("x", 0, 1).fromUnit(0.5));
        ParameterSpace<Integer> ours = Hp.intRange("x", 0, 1).parameterSpace();
        assertInstanceOf(IntegerParameterSpace.class, ours);
        ours.setIndices(0);
        assertEquals(1, ours.getValue(new double[]{0.5}));
        assertEquals(0, ours.getValue(new double[]{0.4999}));
    }

    @Test
    void arbitersRandomSearchGeneratorDrawsReproducibleCandidatesInRange() {
        List<Map<String, Object>> first = draw(42, 20);
        List<Map<String, Object>> again = draw(42, 20);
        List<Map<String, Object>> other = draw(43, 20);
        assertEquals(first, again);
        assertNotEquals(first, other);
        for (Map<String, Object> p : first) {
            int units = (Integer) p.get("units");
            double lr = (Double) p.get("learningRate");
            double m = (Double) p.get("momentum");
            double d = (Double) p.get("dropout");
            assertTrue(units >= 16 && units <= 256, p::toString);
            assertTrue(lr >= 1e-4 && lr <= 1e-1, p::toString);
            assertTrue(m >= 0.9 && m <= 0.999, p::toString);
            assertTrue(d >= 0 && d <= 0.5, p::toString);
            assertTrue(List.of(32, 64, 128).contains(p.get("batch")), p::toString);
            assertEquals(30, p.get("epochs"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> draw(long seed, int n) {
        RandomSearchGenerator generator = new RandomSearchGenerator(SearchSpaceAdapter.of(space()), null);
        generator.setRngSeed(seed);
        List<Map<String, Object>> drawn = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Candidate<Map<String, Object>> c = generator.getCandidate();
            assertNull(c.getException());
            assertEquals(i, c.getIndex());
            drawn.add(c.getValue());
        }
        return drawn;
    }

    @Test
    @SuppressWarnings("unchecked")
    void arbitersGridGeneratorEnumeratesDiscreteLeavesAndDiscretisesTheRest() {
        Hp<Integer> layers = Hp.intRange("layers", 2, 3);
        Hp<String> act = Hp.choice("activation", "relu", "tanh", "elu");
        Hp<Double> lr = Hp.logUniform("learningRate", 1e-4, 1e-2);
        SearchSpace<Map<String, Object>> space = SearchSpace.named("grid")
                .params(layers, act, lr).model(Trial::params);
        GridSearchCandidateGenerator grid = new GridSearchCandidateGenerator(SearchSpaceAdapter.of(space), 3,
                GridSearchCandidateGenerator.Mode.Sequential, null);
        assertEquals(2 * 3 * 3, grid.getTotalNumCandidates());
        Set<Map<String, Object>> seen = new HashSet<>();
        while (grid.hasMoreCandidates()) {
            Candidate<Map<String, Object>> c = grid.getCandidate();
            assertNull(c.getException());
            seen.add(c.getValue());
        }
        assertEquals(18, seen.size());
        Set<Double> rates = new HashSet<>();
        seen.forEach(p -> rates.add((Double) p.get("learningRate")));
        assertEquals(Set.of(1e-4, 1e-2, lr.fromUnit(0.5)), rates);
        assertEquals(1e-3, lr.fromUnit(0.5), 1e-15);
    }
}

package io.fluentdl.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplerTest {

    static final Hp<Integer> UNITS = Hp.intRange("units", 16, 256);
    static final Hp<Double> LR = Hp.logUniform("learningRate", 1e-4, 1e-1);
    static final Hp<Double> MOMENTUM = Hp.oneMinusLogUniform("momentum", 0.9, 0.999);

    static SearchSpace<Map<String, Object>> space() {
        return SearchSpace.named("bn-search").params(UNITS, LR, MOMENTUM).model(Trial::params);
    }

    private static List<Map<String, Object>> trials(Sampler sampler, int n) {
        SearchSpace<Map<String, Object>> space = space();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(space.build(space.trial(k, sampler.point(k, space))));
        }
        return out;
    }

    @Test
    void sameSeedGivesTheSame50Trials() {
        assertEquals(trials(Sampler.random(7), 50), trials(Sampler.random(7), 50));
        assertNotEquals(trials(Sampler.random(7), 50), trials(Sampler.random(8), 50));
    }

    @Test
    void trialKDoesNotDependOnTheTrialsBeforeIt() {
        SearchSpace<Map<String, Object>> space = space();
        Sampler s = Sampler.random(7);
        double[] fresh = s.point(37, space);
        for (int k = 0; k < 37; k++) {
            s.point(k, space);
        }
        assertArrayEquals(fresh, s.point(37, space));
    }

    @Test
    void randomPointsLookUniform() {
        SearchSpace<Map<String, Object>> space = space();
        Sampler s = Sampler.random(1);
        int above99 = 0;
        int n = 4000;
        for (int k = 0; k < n; k++) {
            double m = MOMENTUM.fromUnit(s.point(k, space)[2]);
            if (m > 0.99) {
                above99++;
            }
        }
        // half the draws above 0.99 (binomial sd = 32 for n = 4000)
        int count = above99;
        assertTrue(Math.abs(count - n / 2) < 160, () -> "draws above 0.99: " + count);
    }

    @Test
    void gridVisitsEveryCombinationInNestedLoopOrder() {
        Hp<Integer> layers = Hp.intRange("layers", 2, 3);
        Hp<String> act = Hp.choice("activation", "relu", "tanh", "elu");
        SearchSpace<Map<String, Object>> space = SearchSpace.named("g").params(layers, act, LR).model(Trial::params);
        Sampler grid = Sampler.grid(3);
        assertEquals(18, grid.size(space));
        Set<Map<String, Object>> seen = new HashSet<>();
        for (int k = 0; k < 18; k++) {
            seen.add(space.trial(k, grid.point(k, space)).params());
        }
        assertEquals(18, seen.size());
        assertEquals(Map.of("layers", 2, "activation", "relu", "learningRate", 1e-4),
                space.trial(0, grid.point(0, space)).params());
        Map<String, Object> second = space.trial(1, grid.point(1, space)).params();
        assertEquals(Math.pow(10, -2.5), (Double) second.get("learningRate"), 1e-15);
        assertEquals(Map.of("layers", 3, "activation", "elu", "learningRate", 1e-1),
                space.trial(17, grid.point(17, space)).params());
    }

    @Test
    void haltonIsEvenAndSeeded() {
        assertEquals(0.5, HaltonSampler.radicalInverse(1, 2), 0);
        assertEquals(0.25, HaltonSampler.radicalInverse(2, 2), 0);
        assertEquals(0.75, HaltonSampler.radicalInverse(3, 2), 0);
        assertEquals(1.0 / 9, HaltonSampler.radicalInverse(3, 3), 1e-15);
        SearchSpace<Map<String, Object>> space = space();
        assertArrayEquals(Sampler.halton(3).point(5, space), Sampler.halton(3).point(5, space));
        // 64 Halton points put exactly 8 into each eighth of the first axis (base 2)
        int[] bins = new int[8];
        Sampler h = Sampler.halton(0);
        for (int k = 0; k < 64; k++) {
            double u = h.point(k, space)[0];
            bins[Math.min(7, (int) (u * 8))]++;
        }
        assertArrayEquals(new int[]{8, 8, 8, 8, 8, 8, 8, 8}, bins);
    }
}

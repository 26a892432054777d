package io.fluentdl.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CoarseToFineTest {

    static final Hp<Double> LR = Hp.logUniform("learningRate", 1e-4, 1);
    static final Hp<Double> MOMENTUM = Hp.oneMinusLogUniform("momentum", 0.9, 0.999);
    static final Hp<Double> DROPOUT = Hp.uniform("dropout", 0, 1);
    static final Hp<Integer> UNITS = Hp.intRange("units", 16, 256);
    static final Hp<Integer> WIDTH = Hp.intRange("width", 10, 100, 10);
    static final Hp<String> ACT = Hp.choice("activation", "relu", "tanh", "elu");
    static final Hp<Integer> EPOCHS = Hp.fixed("epochs", 5);

    static SearchSpace<Map<String, Object>> space() {
        return SearchSpace.named("c2f").params(LR, MOMENTUM, DROPOUT, UNITS, WIDTH, ACT, EPOCHS).model(Trial::params);
    }

    @Test
    void rangesShrinkAroundTheTopTrialsInTheirOwnScale() {
        List<Trial> top = List.of(
                Trial.fixed(LR, 1e-3, MOMENTUM, 0.99, DROPOUT, 0.3, UNITS, 64, WIDTH, 40, ACT, "elu", EPOCHS, 5),
                Trial.fixed(LR, 1e-2, MOMENTUM, 0.995, DROPOUT, 0.5, UNITS, 100, WIDTH, 50, ACT, "relu", EPOCHS, 5));
        SearchSpace<Map<String, Object>> fine = CoarseToFine.narrow(space(), top, 0.1);

        // log10 lr: [-3, -2] padded by 0.1 * 4 decades
        Hp<?> lr = fine.param("learningRate");
        assertEquals(Math.pow(10, -3.4), lr.low(), 1e-15);
        assertEquals(Math.pow(10, -1.6), lr.high(), 1e-15);
        // log10(1 - m): [log10 0.005, -2] padded by 0.1 * 2
        Hp<?> m = fine.param("momentum");
        assertEquals(1 - Math.pow(10, -1.8), m.low(), 1e-12);
        assertEquals(1 - Math.pow(10, Math.log10(0.005) - 0.2), m.high(), 1e-12);
        assertEquals(0.98415, m.low(), 1e-5);
        assertEquals(0.99685, m.high(), 1e-5);
        // linear: [0.3, 0.5] +- 0.1
        assertEquals(0.2, fine.param("dropout").low(), 1e-12);
        assertEquals(0.6, fine.param("dropout").high(), 1e-12);
        // integers: [64, 100] +- 24
        assertEquals(40, fine.param("units").low());
        assertEquals(124, fine.param("units").high());
        // stepped: [40, 50] +- 9 -> [31, 59], outwards onto the grid of 10
        assertEquals(30, fine.param("width").low());
        assertEquals(60, fine.param("width").high());
        assertEquals(List.of("relu", "elu"), fine.param("activation").values());
        assertEquals(EPOCHS, fine.param("epochs"));
        assertEquals(HpKind.ONE_MINUS_LOG_UNIFORM, m.kind());
    }

    @Test
    void theNarrowSpaceKeepsTheTemplateAndTheHandles() {
        List<Trial> top = List.of(Trial.fixed(LR, 1e-3, MOMENTUM, 0.99, DROPOUT, 0.3, UNITS, 64, WIDTH, 40,
                ACT, "elu", EPOCHS, 5));
        SearchSpace<Map<String, Object>> fine = CoarseToFine.narrow(space(), top, 0);
        Map<String, Object> at = fine.build(fine.trial(0, new double[]{0.7, 0.2, 0.9, 0.1, 0.5, 0.3}));
        assertEquals(Map.of("learningRate", 1e-3, "momentum", 0.99, "dropout", 0.3, "units", 64, "width", 40,
                "activation", "elu", "epochs", 5).keySet(), at.keySet());
        assertEquals(1e-3, (Double) at.get("learningRate"), 1e-15);
        assertEquals(0.99, (Double) at.get("momentum"), 1e-12);
        assertEquals(64, at.get("units"));
        assertEquals("elu", at.get("activation"));
    }

    @Test
    void paddingNeverLeavesTheCurrentRange() {
        List<Trial> top = List.of(Trial.fixed(LR, 1.0, MOMENTUM, 0.9, DROPOUT, 0.0, UNITS, 256, WIDTH, 10,
                ACT, "tanh", EPOCHS, 5));
        SearchSpace<Map<String, Object>> fine = CoarseToFine.narrow(space(), top, 0.5);
        assertEquals(1.0, fine.param("learningRate").high(), 0);
        assertEquals(0.9, fine.param("momentum").low(), 0);
        assertEquals(0.0, fine.param("dropout").low(), 0);
        assertEquals(256, fine.param("units").high());
        assertEquals(10, fine.param("width").low());
    }
}

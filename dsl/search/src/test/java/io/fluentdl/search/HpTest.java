package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HpTest {

    private static final double EPS = 1e-12;

    @Test
    void uniformIsExactAtZeroHalfOne() {
        Hp<Double> hp = Hp.uniform("dropout", 0.1, 0.5);
        assertEquals(0.1, hp.fromUnit(0), 0);
        assertEquals(0.3, hp.fromUnit(0.5), EPS);
        assertEquals(0.5, hp.fromUnit(1), 0);
        assertEquals(0.5, hp.toUnit(0.3), EPS);
    }

    @Test
    void logUniformHalfIsTheGeometricMidpoint() {
        Hp<Double> lr = Hp.logUniform("learningRate", 1e-4, 1);
        assertEquals(1e-4, lr.fromUnit(0), 0);
        assertEquals(1e-2, lr.fromUnit(0.5), 1e-2 * EPS);
        assertEquals(1.0, lr.fromUnit(1), 0);
        assertEquals(1e-3, lr.fromUnit(0.25), 1e-3 * EPS);
        assertEquals(0.5, lr.toUnit(1e-2), EPS);
        assertEquals(0.75, lr.toUnit(1e-1), EPS);
    }

    @Test
    void oneMinusLogUniformPutsHalfTheDrawsAbove099() {
        Hp<Double> m = Hp.oneMinusLogUniform("momentum", 0.9, 0.999);
        assertEquals(0.9, m.fromUnit(0), 0);
        assertEquals(0.99, m.fromUnit(0.5), EPS);
        assertEquals(0.999, m.fromUnit(1), 0);
        assertEquals(0.5, m.toUnit(0.99), EPS);
        assertEquals(0.0, m.toUnit(0.9), EPS);
        assertEquals(1.0, m.toUnit(0.999), EPS);
    }

    @Test
    void intRangeCoversBothEndsAndTheMiddle() {
        Hp<Integer> units = Hp.intRange("units", 16, 256);
        assertEquals(16, units.fromUnit(0));
        assertEquals(136, units.fromUnit(0.5));
        assertEquals(256, units.fromUnit(1));
        assertEquals(241, units.size());
    }

    @Test
    void intRangeWithStepStaysOnTheGrid() {
        Hp<Integer> units = Hp.intRange("units", 50, 100, 10);
        assertEquals(50, units.fromUnit(0));
        assertEquals(80, units.fromUnit(0.5));
        assertEquals(100, units.fromUnit(1));
        assertEquals(6, units.size());
    }

    @Test
    void intLogRangeHalfIsNearTheGeometricMean() {
        Hp<Integer> batch = Hp.intLogRange("batch", 16, 256);
        assertEquals(16, batch.fromUnit(0));
        assertEquals(64, batch.fromUnit(0.5));   // floor(sqrt(16 * 257)) = floor(64.12)
        assertEquals(256, batch.fromUnit(1));
    }

    @Test
    void choiceAndBoolCutTheUnitIntervalIntoEqualShares() {
        Hp<String> act = Hp.choice("activation", "relu", "tanh", "elu");
        assertEquals("relu", act.fromUnit(0));
        assertEquals("tanh", act.fromUnit(0.5));
        assertEquals("elu", act.fromUnit(1));
        Hp<Boolean> b = Hp.bool("batchNorm");
        assertEquals(false, b.fromUnit(0.49));
        assertEquals(true, b.fromUnit(0.5));
        Hp<Integer> f = Hp.fixed("epochs", 30);
        assertEquals(30, f.fromUnit(0.123));
    }

    @Test
    void discreteValuesRoundTripThroughTheirUnitCoordinate() {
        List<Hp<Integer>> hps = List.of(Hp.intRange("a", 16, 256), Hp.intRange("b", 50, 100, 10),
                Hp.intLogRange("c", 1, 1000), Hp.intLogRange("d", 16, 17));
        for (Hp<Integer> hp : hps) {
            for (double u = 0; u <= 1; u += 1.0 / 997) {
                int v = hp.fromUnit(u);
                assertEquals(v, hp.fromUnit(hp.toUnit(v)), () -> String.format("%s at %d", hp, v));
            }
        }
    }

    @Test
    void realScalesRoundTripOnRandomPoints() {
        SplittableRandom rng = new SplittableRandom(3);
        List<Hp<Double>> hps = List.of(Hp.uniform("a", -2, 3), Hp.logUniform("b", 1e-6, 10),
                Hp.oneMinusLogUniform("c", 0.5, 0.9999));
        for (Hp<Double> hp : hps) {
            for (int i = 0; i < 200; i++) {
                double u = rng.nextDouble();
                assertEquals(u, hp.toUnit(hp.fromUnit(u)), 1e-9);
            }
        }
    }

    @Test
    void everyDrawStaysInRange() {
        Hp<Integer> log = Hp.intLogRange("c", 3, 77);
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            int v = log.fromUnit(rng.nextDouble());
            assertTrue(v >= 3 && v <= 77, () -> "out of range: " + v);
        }
    }

    static Stream<Arguments> badRanges() {
        return Stream.of(
                Arguments.of((Supplier<?>) () -> Hp.logUniform("learningRate", 0.0, 0.1), "low",
                        "Hp 'learningRate': logUniform needs 0 < low <= high, got low=0.0, high=0.1."),
                Arguments.of((Supplier<?>) () -> Hp.logUniform("learningRate", 0.1, 0.01), "low",
                        "Hp 'learningRate': logUniform needs 0 < low <= high, got low=0.1, high=0.01."),
                Arguments.of((Supplier<?>) () -> Hp.oneMinusLogUniform("momentum", 0.9, 1.0), "high",
                        "Hp 'momentum': oneMinusLogUniform needs 0 < low < high < 1, got low=0.9, high=1.0."),
                Arguments.of((Supplier<?>) () -> Hp.oneMinusLogUniform("momentum", 0.0, 0.9), "high",
                        "Hp 'momentum': oneMinusLogUniform needs 0 < low < high < 1, got low=0.0, high=0.9."),
                Arguments.of((Supplier<?>) () -> Hp.uniform("dropout", 0.5, 0.1), "low",
                        "Hp 'dropout': uniform needs finite low <= high, got low=0.5, high=0.1."),
                Arguments.of((Supplier<?>) () -> Hp.intRange("units", 10, 5), "low",
                        "Hp 'units': intRange needs low <= high, got low=10, high=5."),
                Arguments.of((Supplier<?>) () -> Hp.intRange("units", 1, 5, 0), "step",
                        "Hp 'units': intRange needs step >= 1, got step=0."),
                Arguments.of((Supplier<?>) () -> Hp.intRange("units", 16, 256, 50), "high",
                        "Hp 'units': intRange needs high - low to be a multiple of step, got low=16, high=256, "
                                + "step=50. Use high=216 or high=266."),
                Arguments.of((Supplier<?>) () -> Hp.intLogRange("batch", 0, 256), "low",
                        "Hp 'batch': intLogRange needs 1 <= low <= high, got low=0, high=256."),
                Arguments.of((Supplier<?>) () -> Hp.choice("act"), "values",
                        "Hp 'act': choice needs at least one value, got none."),
                Arguments.of((Supplier<?>) () -> Hp.choice("act", "relu", "relu"), "values",
                        "Hp 'act': choice values must be distinct, got values=[relu, relu]."));
    }

    @ParameterizedTest
    @MethodSource("badRanges")
    void badRangesFailAtTheDeclaration(Supplier<?> declaration, String parameter, String message) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, declaration::get);
        assertEquals(parameter, e.problems().get(0).parameter());
        assertEquals(message, e.getMessage());
    }

    @Test
    void aNameIsRequired() {
        assertThrows(InvalidConfigException.class, () -> Hp.uniform(" ", 0, 1));
    }

    @Test
    void coerceAcceptsNumbersOfTheRightKind() {
        assertEquals(1.0, Hp.logUniform("lr", 1e-3, 1).coerce(1));
        assertEquals(64, Hp.intRange("u", 1, 100).coerce(64L));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Hp.intRange("u", 1, 100).coerce(6.5));
        assertEquals("Hp 'u': intRange needs a whole-number value, got value=6.5 (Double).", e.getMessage());
        assertThrows(InvalidConfigException.class, () -> Hp.choice("act", "relu").coerce("rleu"));
    }

    @Test
    void toStringShowsTheFactoryCall() {
        assertEquals("Hp.oneMinusLogUniform('momentum', 0.9, 0.999)",
                Hp.oneMinusLogUniform("momentum", 0.9, 0.999).toString());
        assertEquals("Hp.intRange('units', 50, 100, 10)", Hp.intRange("units", 50, 100, 10).toString());
    }
}

package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Hp kinds as a sealed hierarchy, one vocabulary (sweep files use it: experiments' SweepVocabularyTest), and the stepped float. */
class HpKindsTest {

    @Test
    void eachFactoryMakesItsClassAndNamesItsKindInTheSharedVocabulary() {
        assertTrue(Hp.class.isSealed());
        assertEquals(List.of("FloatHp", "IntHp", "OneMinusLogHp", "ChoiceHp", "FixedHp", "ArbiterHp"),
                Arrays.stream(Hp.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
        Map<String, Hp<?>> byKey = Map.of(
                "uniform", Hp.uniform("a", 0, 1), "log_uniform", Hp.logUniform("b", 1e-3, 1),
                "one_minus_log_uniform", Hp.oneMinusLogUniform("c", 0.9, 0.99), "int_range", Hp.intRange("d", 1, 4),
                "int_log_range", Hp.intLogRange("e", 1, 100), "choice", Hp.choice("f", "x", "y"),
                "bool", Hp.bool("g"), "fixed", Hp.fixed("h", 3));
        byKey.forEach((key, hp) -> assertEquals(key, hp.kind().key(), hp.toString()));
        assertInstanceOf(FloatHp.class, Hp.logUniform("b", 1e-3, 1));
        assertTrue(((FloatHp) Hp.logUniform("b", 1e-3, 1)).isLog());
        assertInstanceOf(IntHp.class, Hp.intLogRange("e", 1, 100));
        assertInstanceOf(ChoiceHp.class, Hp.bool("g"));
        assertFalse(Hp.fixed("h", 3).isSearched());
    }

    @Test
    void aSteppedFloatTakesEachGridValueAsAnEqualShare() {
        Hp<Double> rate = Hp.uniform("rate", 0, 0.5, 0.1);
        assertEquals(6, rate.size());
        assertEquals(0.0, rate.fromUnit(0), 0);
        assertEquals(0.5, rate.fromUnit(1), 0);
        assertEquals(3 * 0.1, rate.fromUnit(0.5), 0);           // share 3 of 6: [0.5, 0.667)
        assertEquals(2 * 0.1, rate.fromUnit(0.49), 0);
        for (int k = 0; k < 6; k++) {
            double u = (k + 0.5) / 6;
            assertEquals(u, rate.toUnit(rate.fromUnit(u)), 1e-12);
        }
        assertEquals("Hp.uniform('rate', 0.0, 0.5, 0.1)", rate.toString());
        assertEquals(0.2, Trial.fixed(rate, 0.2).get(rate), 0);
        // a grid over it visits the six values (6 points on its axis)
        SearchSpace<Map<String, Object>> space = SearchSpace.named("s").params(rate).model(Trial::params);
        assertEquals(6, GridSearch.over(space, 6).maximize().objective((m, t, r) -> 0.0).run().trials().stream()
                .map(t -> t.params().get("rate")).distinct().count());
    }

    @Test
    void aStepThatDoesNotDivideTheRangeIsRefusedAsOptunaDoes() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Hp.uniform("rate", 0, 0.5, 0.3));
        assertEquals("Hp 'rate': uniform needs high - low to be a multiple of step, got low=0.0, high=0.5, step=0.3.",
                e.getMessage());
        InvalidConfigException negative = assertThrows(InvalidConfigException.class,
                () -> Hp.uniform("rate", 0, 0.5, -0.1));
        assertTrue(negative.getMessage().contains("uniform needs step > 0, got step=-0.1"), negative.getMessage());
    }
}

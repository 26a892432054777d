package io.fluentdl.search;

import io.fluentdl.errors.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchSpaceTest {

    static final Hp<Integer> UNITS = Hp.intRange("units", 16, 256);
    static final Hp<Double> LR = Hp.logUniform("learningRate", 1e-4, 1e-1);
    static final Hp<Double> MOMENTUM = Hp.oneMinusLogUniform("momentum", 0.9, 0.999);

    /** A stand-in for a model spec: what the template built, as a string. */
    static SearchSpace<String> bnSearch() {
        return SearchSpace.named("bn-search")
                .params(UNITS, LR, MOMENTUM)
                .model(t -> String.format("units=%d lr=%s m=%s", t.get(UNITS), t.get(LR), t.get(MOMENTUM)));
    }

    @Test
    void readingAnUndeclaredHandleFailsAtDefinition() {
        Hp<Integer> units2 = Hp.intRange("units2", 1, 2);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> SearchSpace.named("bn-search")
                .params(UNITS, LR, MOMENTUM)
                .model(t -> t.get(UNITS) + t.get(units2)));
        assertEquals("SearchSpace 'bn-search': the model read Hp 'units2', which is not in params(...). "
                + "Declared: units, learningRate, momentum.", e.getMessage());
    }

    @Test
    void duplicateNamesAreRejected() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> SearchSpace.named("s").params(UNITS, LR, Hp.intRange("units", 1, 3)));
        assertEquals("SearchSpace 's': Hp names must be unique, but 'units' is declared twice (positions 1 and 3). "
                + "Rename one of them.", e.getMessage());
    }

    @Test
    void aBrokenTemplateFailsBeforeTrialOneWithTheSpaceName() {
        IllegalStateException boom = new IllegalStateException("units must be even");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> SearchSpace.named("bn-search")
                .params(UNITS, LR)
                .model(t -> {
                    throw boom;
                }));
        assertSame(boom, e.getCause());
        assertTrue(e.getMessage().startsWith("SearchSpace 'bn-search': the model template failed with "
                + "{units=136, learningRate="), e.getMessage());
        assertTrue(e.getMessage().endsWith(": units must be even."), e.getMessage());
    }

    @Test
    void theDryRunUsesEveryMidpointOnce() {
        AtomicInteger calls = new AtomicInteger();
        SearchSpace.named("s").params(UNITS, LR, MOMENTUM).model(t -> {
            calls.incrementAndGet();
            assertEquals(136, t.get(UNITS));
            assertEquals(Math.pow(10, -2.5), t.get(LR), 1e-15);
            assertEquals(0.99, t.get(MOMENTUM), 1e-12);
            return "ok";
        });
        assertEquals(1, calls.get());
    }

    @Test
    void fixedTrialBuildsTheTemplateWithChosenValues() {
        String model = bnSearch().build(Trial.fixed(UNITS, 64, LR, 0.01, MOMENTUM, 0.99));
        assertEquals("units=64 lr=0.01 m=0.99", model);
    }

    @Test
    void fixedTrialSaysWhichHandleWasNotGiven() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> bnSearch().build(Trial.fixed(UNITS, 64, LR, 0.01)));
        assertEquals("Trial.fixed: the model read Hp 'momentum', which was not given. Given: units, learningRate.",
                e.getMessage());
    }

    @Test
    void trialMapsAPointOfTheUnitCube() {
        SearchSpace<String> space = SearchSpace.named("s")
                .params(UNITS, Hp.fixed("epochs", 30), LR)
                .model(t -> "m");
        assertEquals(2, space.dimensions());
        Trial t = space.trial(4, new double[]{1, 0});
        assertEquals(Map.of("units", 256, "epochs", 30, "learningRate", 1e-4), t.params());
        assertEquals(List.of("units", "epochs", "learningRate"), List.copyOf(t.params().keySet()));
        assertEquals(4, t.number());
    }

    @Test
    void aHandleOfAnotherKindUnderADeclaredNameIsAnError() {
        Hp<String> units = Hp.choice("units", "a", "b");
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> SearchSpace.named("s").params(UNITS).model(t -> t.get(units)));
        assertEquals("SearchSpace 's': the model read Hp 'units', but 'units' is declared as intRange, "
                + "not choice. Declared: units.", e.getMessage());
    }
}

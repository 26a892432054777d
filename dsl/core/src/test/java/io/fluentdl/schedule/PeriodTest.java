package io.fluentdl.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fluentdl.errors.InvalidConfigException;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void iterationsReadTheIterationCounter() {
        assertEquals(123, Period.iterations(5).clock(123, 4));
    }

    @Test
    void epochsReadTheEpochCounter() {
        assertEquals(4, Period.epochs(5).clock(123, 4));
    }

    @Test
    void printsItsUnit() {
        assertEquals("iterations(100)", Period.iterations(100).toString());
        assertEquals("epochs(3)", Period.epochs(3).toString());
    }

    @Test
    void zeroLengthIsRejectedWithTheValue() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Period.epochs(0));
        assertEquals("Period: length must be >= 1, got length=0.", e.getMessage());
        assertEquals("length", e.problems().get(0).parameter());
        assertEquals(0L, e.problems().get(0).value());
    }
}

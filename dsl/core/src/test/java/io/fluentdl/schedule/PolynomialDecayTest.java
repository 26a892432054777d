package io.fluentdl.schedule;

import static io.fluentdl.schedule.ScheduleExamples.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PolynomialDecayTest {

    // Keras PolynomialDecay: (a_0 - end)(1 - t/T)^p + end, end after T
    private final PolynomialDecay squared = PolynomialDecay.of(0.01, 1e-4, Period.iterations(100)).power(2.0);

    @Test
    void followsKerasFormula() {
        assertClose(0.01, squared.valueAt(0, 0), "t=0");
        assertClose(0.0099 * 0.25 + 1e-4, squared.valueAt(50, 0), "t=T/2");
        assertClose(0.0099 * 0.01 + 1e-4, squared.valueAt(90, 0), "t=0.9T");
        assertClose(1e-4, squared.valueAt(100, 0), "t=T");
        assertClose(1e-4, squared.valueAt(250, 0), "t>T");
    }

    @Test
    void reallyDecaysForEveryPower() {
        for (double power : new double[] {0.5, 1.0, 2.0}) {
            PolynomialDecay lr = PolynomialDecay.of(0.01, 1e-4, Period.iterations(100)).power(power);
            for (int t = 1; t <= 100; t++) {
                assertTrue(lr.valueAt(t, 0) < lr.valueAt(t - 1, 0), () -> "power " + power);
            }
        }
    }

    @Test
    void powerOneIsTheLinearDecay() {
        PolynomialDecay poly = PolynomialDecay.of(0.1, 0.001, Period.epochs(50));
        LinearDecay linear = LinearDecay.of(0.1, 0.001, Period.epochs(50));
        for (int e = 0; e <= 60; e++) {
            assertClose(linear.valueAt(0, e), poly.valueAt(0, e), "epoch " + e);
        }
    }
}

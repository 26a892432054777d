package io.fluentdl.internal.arbiter;

import java.util.function.Supplier;
import org.deeplearning4j.arbiter.optimize.api.Candidate;

/** Arbiter candidates whose value is built when a task asks for it. */
public final class ArbiterCandidates {

    private ArbiterCandidates() {
    }

    /**
     * Candidate {@code index} at {@code units}, its value built by {@code value} on first use. Arbiter's
     * value constructor would Java-serialize the value, and FluentDL's specs are immutable values, not
     * Serializable; its supplier constructor takes ND4J's {@code Supplier}, which stays in this package.
     */
    public static <T> Candidate<T> lazy(Supplier<T> value, int index, double[] units) {
        org.nd4j.common.function.Supplier<T> onUse = value::get;
        return new Candidate<>(onUse, index, units);
    }
}

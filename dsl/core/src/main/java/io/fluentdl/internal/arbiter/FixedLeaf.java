package io.fluentdl.internal.arbiter;

import io.fluentdl.search.Hp;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;

/** {@code Hp.fixed} as Arbiter's {@link FixedValue}: no coordinate in the parameter vector. */
final class FixedLeaf extends FixedValue<Object> implements HpLeaf {

    private final Hp<?> hp;

    FixedLeaf(Hp<?> hp) {
        super(hp.values().get(0));
        this.hp = hp;
    }

    @Override
    public Hp<?> hp() {
        return hp;
    }

    @Override
    public int index() {
        return -1;
    }

    @Override
    public String toString() {
        return String.format("FixedLeaf(%s)", hp);
    }
}

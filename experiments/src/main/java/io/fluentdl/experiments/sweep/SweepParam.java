package io.fluentdl.experiments.sweep;

import io.fluentdl.search.Hp;

import java.util.List;

/**
 * One entry of a sweep file's {@code parameters:}: the knob it sets and how it is sampled.
 *
 * @param name         the name as written (the Hp's name in results), e.g. {@code lr}
 * @param knob         what it controls in the model template
 * @param distribution how it is sampled
 * @param min          the low end for ranged distributions (NaN otherwise)
 * @param max          the high end for ranged distributions (NaN otherwise)
 * @param step         int_range's step ({@code q}), 1 by default
 * @param values       categorical values, or the one constant value, converted to the knob's type
 * @param line         the line in the file, for messages
 */
public record SweepParam(String name, Knob knob, Distribution distribution, double min, double max, int step,
                         List<Object> values, int line) {

    public SweepParam {
        values = List.copyOf(values);
    }

    /** The {@link Hp} this entry declares. */
    public Hp<?> toHp() {
        switch (distribution) {
            case UNIFORM:
                return Hp.uniform(name, min, max);
            case LOG_UNIFORM:
                return Hp.logUniform(name, min, max);
            case ONE_MINUS_LOG_UNIFORM:
                return Hp.oneMinusLogUniform(name, min, max);
            case INT_UNIFORM:
                return Hp.intRange(name, (int) min, (int) max, step);
            case INT_LOG_UNIFORM:
                return Hp.intLogRange(name, (int) min, (int) max);
            case CATEGORICAL:
                return Hp.choice(name, values.toArray());
            default:
                return Hp.fixed(name, values.get(0));
        }
    }
}

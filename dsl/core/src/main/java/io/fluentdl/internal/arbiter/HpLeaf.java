package io.fluentdl.internal.arbiter;

import io.fluentdl.search.Hp;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

/**
 * An Arbiter leaf {@link ParameterSpace} that stands for one {@link Hp} and carries its name.
 *
 * <p>Every leaf maps Arbiter's unit value with {@link Hp#fromUnit(double)}, so a candidate drawn by
 * Arbiter's generators and a trial drawn by FluentDL's samplers give the same value for the same
 * u. Where Arbiter has a class for the scale (ContinuousParameterSpace, IntegerParameterSpace,
 * DiscreteParameterSpace, FixedValue) the leaf extends it, so Arbiter's grid generator still
 * recognises integer and discrete leaves and enumerates their values.
 */
public interface HpLeaf {

    /** The hyperparameter this leaf samples. */
    Hp<?> hp();

    /** The Hp's name: the leaf's name in {@code getNestedSpaces()}. */
    default String name() {
        return hp().name();
    }

    /** The position in Arbiter's flat parameter vector, set by {@code setIndices}; -1 before. */
    int index();

    /** Arbiter's unit value at this leaf's index, mapped by the Hp; the check Arbiter's own leaves make. */
    static Object valueAt(HpLeaf leaf, double[] parameterValues) {
        if (leaf.index() < 0) {
            throw new IllegalStateException(String.format(
                    "Cannot get value of Hp '%s': ParameterSpace index has not been set", leaf.name()));
        }
        return leaf.hp().fromUnit(parameterValues[leaf.index()]);
    }

    /** Arbiter's rule for a one-parameter leaf: exactly one index. */
    static int singleIndex(int... indices) {
        if (indices == null || indices.length != 1) {
            throw new IllegalArgumentException(String.format("a leaf takes exactly one index, got %s",
                    java.util.Arrays.toString(indices)));
        }
        return indices[0];
    }

    /** The leaf for {@code hp}: Arbiter's own class where one fits the scale, else {@link LogScaleSpace}. */
    static ParameterSpace<?> of(Hp<?> hp) {
        switch (hp.kind()) {
            case UNIFORM:
                return new UniformLeaf(hp);
            case INT_RANGE:
                return hp.step() == 1 ? new IntRangeLeaf(hp) : new ChoiceLeaf(hp);
            case CHOICE:
            case BOOL:
                return new ChoiceLeaf(hp);
            case FIXED:
                return new FixedLeaf(hp);
            default:
                return new LogScaleSpace(hp);
        }
    }
}

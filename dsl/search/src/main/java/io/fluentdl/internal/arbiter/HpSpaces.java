package io.fluentdl.internal.arbiter;

import io.fluentdl.search.Hp;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;

import java.util.ArrayList;

/**
 * The one mapping from an {@link Hp} to the Arbiter {@link ParameterSpace} that samples it; every
 * sampler, FluentDL's and Arbiter's, goes through it ({@code Hp.fromUnit} is this space at u).
 *
 * <table>
 *   <caption>Hp kind to Arbiter leaf</caption>
 *   <tr><td>uniform</td><td>ContinuousParameterSpace(uniform)</td></tr>
 *   <tr><td>logUniform</td><td>ContinuousParameterSpace(log-uniform)</td></tr>
 *   <tr><td>oneMinusLogUniform</td><td>{@link OneMinusLogSpace} (FluentDL's: Arbiter has none)</td></tr>
 *   <tr><td>intRange, intLogRange</td><td>IntegerParameterSpace(equal shares / log shares)</td></tr>
 *   <tr><td>choice, bool</td><td>DiscreteParameterSpace(values)</td></tr>
 *   <tr><td>fixed</td><td>FixedValue(value)</td></tr>
 * </table>
 */
public final class HpSpaces {

    private HpSpaces() {
    }

    /** A new, unindexed leaf for {@code hp}: put it into an Arbiter space, which sets its index. */
    @SuppressWarnings("unchecked")
    public static <T> ParameterSpace<T> of(Hp<T> hp) {
        switch (hp.kind()) {
            case UNIFORM:
                return (ParameterSpace<T>) new ContinuousParameterSpace(ScaleDistribution.uniform(hp.low(), hp.high()));
            case LOG_UNIFORM:
                return (ParameterSpace<T>) new ContinuousParameterSpace(ScaleDistribution.logUniform(hp.low(), hp.high()));
            case ONE_MINUS_LOG_UNIFORM:
                return (ParameterSpace<T>) new OneMinusLogSpace(hp.low(), hp.high());
            case INT_RANGE:
                return (ParameterSpace<T>) new IntegerParameterSpace(
                        ShareDistribution.linear((int) hp.low(), (int) hp.high(), hp.step()));
            case INT_LOG_RANGE:
                return (ParameterSpace<T>) new IntegerParameterSpace(ShareDistribution.log((int) hp.low(), (int) hp.high()));
            case CHOICE:
            case BOOL:
                return new DiscreteParameterSpace<>(new ArrayList<>(hp.values()));
            case ARBITER:
                return new LeafAt<>(hp.name(), HpSpaces.arbiterLeaf(hp), HpSpaces.arbiterIndex(hp));
            default:
                return new FixedValue<>(hp.values().get(0));
        }
    }

    private static <T> ParameterSpace<T> arbiterLeaf(Hp<T> hp) {
        return io.fluentdl.search.ArbiterLeaves.leaf(hp);
    }

    private static int arbiterIndex(Hp<?> hp) {
        return io.fluentdl.search.ArbiterLeaves.index(hp);
    }

    /** A leaf for {@code hp} reading coordinate 0 of a one-element vector: what {@code Hp.fromUnit} samples through. */
    public static <T> ParameterSpace<T> unit(Hp<T> hp) {
        ParameterSpace<T> space = of(hp);
        if (hp.isSearched()) {
            space.setIndices(0);
        }
        return space;
    }
}

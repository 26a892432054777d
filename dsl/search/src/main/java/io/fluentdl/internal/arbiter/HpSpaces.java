package io.fluentdl.internal.arbiter;

import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.FixedValue;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;

import java.util.ArrayList;
import java.util.List;

/**
 * The Arbiter {@link ParameterSpace} behind each kind of search {@code Hp}; every sampler, FluentDL's and
 * Arbiter's, goes through it ({@code Hp.fromUnit} is this space at u). Each Hp class asks for its own
 * here, because the distributions it needs are internal.
 *
 * <table>
 *   <caption>Hp kind to Arbiter leaf</caption>
 *   <tr><td>uniform, logUniform</td><td>ContinuousParameterSpace(uniform / log-uniform / stepped)</td></tr>
 *   <tr><td>oneMinusLogUniform</td><td>{@link OneMinusLogSpace} (FluentDL's: Arbiter has none)</td></tr>
 *   <tr><td>intRange, intLogRange</td><td>IntegerParameterSpace(equal shares / log shares)</td></tr>
 *   <tr><td>choice, bool</td><td>DiscreteParameterSpace(values)</td></tr>
 *   <tr><td>fixed</td><td>FixedValue(value)</td></tr>
 * </table>
 */
public final class HpSpaces {

    private HpSpaces() {
    }

    /** A real range: {@code step > 0} gives the grid {@code low, low + step, ..., high}, each an equal share. */
    public static ParameterSpace<Double> real(double low, double high, boolean log, double step) {
        return new ContinuousParameterSpace(step > 0 ? new SteppedDistribution(low, high, step)
                : log ? ScaleDistribution.logUniform(low, high) : ScaleDistribution.uniform(low, high));
    }

    public static ParameterSpace<Double> oneMinusLog(double low, double high) {
        return new OneMinusLogSpace(low, high);
    }

    public static ParameterSpace<Integer> integer(int low, int high, int step, boolean log) {
        return new IntegerParameterSpace(log ? ShareDistribution.log(low, high) : ShareDistribution.linear(low, high, step));
    }

    public static <T> ParameterSpace<T> discrete(List<T> values) {
        return new DiscreteParameterSpace<>(new ArrayList<>(values));
    }

    public static <T> ParameterSpace<T> fixed(T value) {
        return new FixedValue<>(value);
    }

    /** A user's leaf already indexed inside its Arbiter space, as a one-parameter space of its own. */
    public static <T> ParameterSpace<T> leafAt(String name, ParameterSpace<T> leaf, int index) {
        return new LeafAt<>(name, leaf, index);
    }
}

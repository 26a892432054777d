package io.fluentdl.search;

import io.fluentdl.internal.arbiter.StackTemplate;

import java.util.List;
import java.util.Map;

/**
 * A {@link SearchSpace} in the shape {@code internal.arbiter} reads ({@link StackTemplate}), for
 * {@link SearchSpace#toMultiLayerSpace()}: the bridge sees names, values and the template, never the
 * search types, so the two packages import one way only.
 */
final class ArbiterTemplate implements StackTemplate {

    private final SearchSpace<?> space;
    private final List<Axis> axes;

    ArbiterTemplate(SearchSpace<?> space) {
        this.space = space;
        this.axes = space.searched().stream().<Axis>map(HpAxis::new).toList();
    }

    @Override
    public String name() {
        return space.name();
    }

    @Override
    public List<Axis> axes() {
        return axes;
    }

    @Override
    public Map<String, Object> midpoint() {
        return space.midpointTrial().params();
    }

    @Override
    public Map<String, Object> valuesAt(double[] units) {
        return space.trial(-1, units).params();
    }

    @Override
    public Object build(Map<String, Object> values) {
        return space.build(space.trialWith(values));
    }

    /** A searched Hp as an axis: a choice or bool lists its values, a range maps the unit interval. */
    private record HpAxis(Hp<?> hp) implements Axis {

        @Override
        public String name() {
            return hp.name();
        }

        @Override
        public List<?> choices() {
            return hp.kind() == HpKind.CHOICE || hp.kind() == HpKind.BOOL ? hp.values() : List.of();
        }

        @Override
        public Object fromUnit(double u) {
            return hp.fromUnit(u);
        }
    }
}

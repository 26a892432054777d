package io.fluentdl.internal.arbiter;

import java.util.List;
import java.util.Map;

/**
 * What {@link MultiLayerSpaces} reads of a search space: its name, its searched axes and its template.
 * {@code io.fluentdl.search} hands its {@code SearchSpace} over in this shape, so this package never
 * imports that one (the space reads its bridge, never the reverse: no import cycle).
 */
public interface StackTemplate {

    /** The space's name, for messages. */
    String name();

    /** The searched axes in {@code params(...)} order, the same objects on every call. */
    List<Axis> axes();

    /** Every parameter's name and value at the middle of the space (fixed ones at their value). */
    Map<String, Object> midpoint();

    /** Every parameter's name and value at a point of the unit cube, one coordinate per axis. */
    Map<String, Object> valuesAt(double[] units);

    /** What the template builds with these values (a {@code ModelSpec} where it can become a MultiLayerSpace). */
    Object build(Map<String, Object> values);

    /** One searched parameter. */
    interface Axis {

        String name();

        /** Every value of a choice or bool, in order; empty for a range. */
        List<?> choices();

        /** The value at unit coordinate {@code u} in [0, 1]. */
        Object fromUnit(double u);
    }
}

package io.fluentdl.search;

import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link SearchSpace} as an Arbiter {@code ParameterSpace}: one leaf per {@link Hp}
 * ({@link Hp#parameterSpace()}), so Arbiter's {@code RandomSearchGenerator},
 * {@code GridSearchCandidateGenerator} and {@code LocalOptimizationRunner} can drive it.
 * {@link #of} builds the template's T for a candidate; {@link #units} gives the candidate's point of
 * the unit cube, which is what FluentDL's samplers return.
 *
 * <pre>{@code
 * ParameterSpace<ModelSpec> arbiterSpace = SearchSpaceAdapter.of(space);
 * CandidateGenerator generator = new RandomSearchGenerator(arbiterSpace, null);
 * }</pre>
 *
 * <p>Leaves get indices 0..d-1 in {@code params(...)} order at construction, the order Arbiter's
 * generators assign them too (its LeafUtils keeps distinct leaf objects apart even when equal), so
 * the adapter works with or without a generator's initialisation.
 *
 * @param <R> what a parameter vector becomes
 */
public final class SearchSpaceAdapter<R> implements ParameterSpace<R> {

    private final SearchSpace<?> space;
    private final Function<double[], R> value;
    private final List<ParameterSpace<?>> leaves = new ArrayList<>();
    private final Map<String, ParameterSpace<?>> named = new LinkedHashMap<>();
    private final int searched;

    private SearchSpaceAdapter(SearchSpace<?> space, Function<double[], R> value) {
        this.space = space;
        this.value = value;
        int next = 0;
        for (Hp<?> hp : space.params()) {
            ParameterSpace<?> leaf = hp.parameterSpace();
            if (hp.isSearched()) {
                leaf.setIndices(next++);
            }
            leaves.add(leaf);
            named.put(hp.name(), leaf);
        }
        this.searched = next;
    }

    /** The Arbiter view of {@code space}: a parameter vector becomes the template's T. */
    public static <T> SearchSpaceAdapter<T> of(SearchSpace<T> space) {
        return new SearchSpaceAdapter<>(space, v -> space.build(space.trial(-1, v)));
    }

    /** The same leaves, but a parameter vector stays a point of the unit cube (no model is built). */
    public static SearchSpaceAdapter<double[]> units(SearchSpace<?> space) {
        return new SearchSpaceAdapter<>(space, v -> v);
    }

    /** The trial at Arbiter's flat parameter vector. */
    public Trial trialAt(double[] parameterValues) {
        return space.trial(-1, point(parameterValues));
    }

    private double[] point(double[] parameterValues) {
        if (parameterValues.length < searched) {
            throw new IllegalArgumentException(String.format("SearchSpace '%s': a parameter vector needs %d values, "
                    + "got %d", space.name(), searched, parameterValues.length));
        }
        double[] units = new double[searched];
        System.arraycopy(parameterValues, 0, units, 0, searched);
        return units;
    }

    @Override
    public R getValue(double[] parameterValues) {
        return value.apply(point(parameterValues));
    }

    @Override
    public int numParameters() {
        return searched;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List<ParameterSpace> collectLeaves() {
        return Collections.unmodifiableList(new ArrayList<>(leaves));
    }

    /** Every leaf by its Hp's name. */
    @Override
    @SuppressWarnings("rawtypes")
    public Map<String, ParameterSpace> getNestedSpaces() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(named));
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    /** Not a leaf: Arbiter sets indices on the leaves from {@link #collectLeaves()}. */
    @Override
    public void setIndices(int... indices) {
        throw new UnsupportedOperationException(String.format(
                "SearchSpace '%s' is not a leaf; set indices on its leaves", space.name()));
    }

    public SearchSpace<?> space() {
        return space;
    }

    @Override
    public String toString() {
        return String.format("SearchSpaceAdapter(%s)", space);
    }
}

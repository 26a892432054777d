package io.fluentdl.internal.arbiter;

import io.fluentdl.search.Hp;
import io.fluentdl.search.SearchSpace;
import io.fluentdl.search.Trial;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SearchSpace} as an Arbiter {@code ParameterSpace<T>}: one named leaf per {@link Hp}
 * ({@link HpLeaf#of}), and {@link #getValue(double[])} builds T through the space's template, so
 * Arbiter's {@code RandomSearchGenerator} and {@code GridSearchCandidateGenerator} can drive it.
 *
 * <pre>{@code
 * ParameterSpace<ModelSpec> arbiterSpace = SearchSpaceAdapter.of(space);
 * CandidateGenerator generator = new RandomSearchGenerator(arbiterSpace, null);
 * }</pre>
 *
 * <p>Leaves get indices 0..d-1 in {@code params(...)} order at construction, the order Arbiter's
 * generators assign them too, so the adapter works with or without a generator's initialisation.
 *
 * @param <T> what the template builds
 */
public final class SearchSpaceAdapter<T> implements ParameterSpace<T> {

    private final SearchSpace<T> space;
    private final List<ParameterSpace<?>> leaves = new ArrayList<>();
    private final List<HpLeaf> searchedLeaves = new ArrayList<>();

    private SearchSpaceAdapter(SearchSpace<T> space) {
        this.space = space;
        int next = 0;
        for (Hp<?> hp : space.params()) {
            ParameterSpace<?> leaf = HpLeaf.of(hp);
            leaves.add(leaf);
            if (hp.isSearched()) {
                leaf.setIndices(next++);
                searchedLeaves.add((HpLeaf) leaf);
            } else {
                leaf.setIndices();
            }
        }
    }

    /** The Arbiter view of {@code space}. */
    public static <T> SearchSpaceAdapter<T> of(SearchSpace<T> space) {
        return new SearchSpaceAdapter<>(space);
    }

    /** The trial at Arbiter's flat parameter vector (each leaf reads its own index). */
    public Trial trialAt(double[] parameterValues) {
        double[] units = new double[searchedLeaves.size()];
        for (int axis = 0; axis < units.length; axis++) {
            units[axis] = parameterValues[searchedLeaves.get(axis).index()];
        }
        return space.trial(-1, units);
    }

    /** Builds T for Arbiter's parameter vector through the space's template. */
    @Override
    public T getValue(double[] parameterValues) {
        return space.build(trialAt(parameterValues));
    }

    @Override
    public int numParameters() {
        return searchedLeaves.size();
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
        Map<String, ParameterSpace> named = new LinkedHashMap<>();
        for (ParameterSpace<?> leaf : leaves) {
            named.put(((HpLeaf) leaf).name(), leaf);
        }
        return named;
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

    public SearchSpace<T> space() {
        return space;
    }

    @Override
    public String toString() {
        return String.format("SearchSpaceAdapter(%s)", space);
    }
}

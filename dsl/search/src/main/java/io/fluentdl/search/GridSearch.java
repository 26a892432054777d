package io.fluentdl.search;

/**
 * Grid search, for comparison with random search: every value of choices and bools, and
 * {@code pointsPerAxis} points per other axis, evenly spaced in each Hp's own scale.
 * {@code trials(n)} caps the number of points; by default the whole grid runs.
 *
 * <pre>{@code
 * SearchResult<ModelSpec> result = GridSearch.over(space, 4).minimize().objective(objective).run();
 * }</pre>
 */
public final class GridSearch {

    private GridSearch() {
    }

    /** A search over the grid of {@code space} with {@code pointsPerAxis} points on each real axis. */
    public static <T> Search<T> over(SearchSpace<T> space, int pointsPerAxis) {
        Sampler grid = Sampler.grid(pointsPerAxis);
        return new Search<>(space, seed -> grid).trials(grid.size(space));
    }
}

package io.fluentdl.search;

/**
 * Random search: independent uniform points of the unit cube, so each Hp is drawn on its own scale
 * (Bergstra &amp; Bengio 2012: with the same budget it tries far more values of the parameters that
 * matter than a grid). The default strategy.
 *
 * <pre>{@code
 * SearchResult<ModelSpec> result = RandomSearch.over(space).trials(50).seed(7).maximize()
 *         .objective(objective).run();
 * }</pre>
 */
public final class RandomSearch {

    private RandomSearch() {
    }

    /** A search over {@code space} with {@link Sampler#random(long)}. */
    public static <T> Search<T> over(SearchSpace<T> space) {
        return new Search<>(space, Sampler::random);
    }
}

package io.fluentdl.search;

import io.fluentdl.errors.Check;

/**
 * A full grid, visited in nested-loop order (the last Hp varies fastest). Choices and bools get
 * every value; integer ranges with at most {@code pointsPerAxis} values get every value; other
 * axes get {@code pointsPerAxis} points evenly spaced in u, that is in the Hp's own scale
 * (decades for a log-uniform rate), from the low end to the high end.
 */
final class GridSampler implements Sampler {

    private final int pointsPerAxis;

    GridSampler(int pointsPerAxis) {
        this.pointsPerAxis = Check.atLeast("Sampler.grid", "pointsPerAxis", pointsPerAxis, 1);
    }

    /** How many points axis {@code hp} gets. */
    int count(Hp<?> hp) {
        int n = hp.size();
        boolean unordered = hp.kind() == HpKind.CHOICE || hp.kind() == HpKind.BOOL;
        return n > 0 && (unordered || n <= pointsPerAxis) ? n : pointsPerAxis;
    }

    @Override
    public double[] point(int k, SearchSpace<?> space) {
        int total = size(space);
        if (k < 0 || k >= total) {
            throw new IllegalArgumentException(String.format("grid of %d points has no point %d", total, k));
        }
        double[] u = new double[space.dimensions()];
        int rest = k;
        for (int axis = u.length - 1; axis >= 0; axis--) {
            Hp<?> hp = space.searched().get(axis);
            int c = count(hp);
            int i = rest % c;
            rest /= c;
            u[axis] = c == hp.size() ? (i + 0.5) / c : c == 1 ? 0.5 : (double) i / (c - 1);
        }
        return u;
    }

    @Override
    public int size(SearchSpace<?> space) {
        long total = 1;
        for (Hp<?> hp : space.searched()) {
            total *= count(hp);
            if (total > Integer.MAX_VALUE) {
                return Integer.MAX_VALUE;
            }
        }
        return (int) total;
    }

    @Override
    public String describe() {
        return String.format("grid(pointsPerAxis=%d)", pointsPerAxis);
    }

    @Override
    public String toString() {
        return describe();
    }
}

package io.fluentdl.data;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import java.util.ArrayList;
import java.util.List;
import io.fluentdl.internal.dl4j.DataArrays;

/**
 * Two concentric circles with Gaussian noise: a port of scikit-learn's
 * {@code make_circles(n_samples, shuffle=True, noise, random_state, factor)} that gives the same
 * points as Python for the same seed.
 *
 * <p>The outer circle (radius 1) is class 0 and the inner circle (radius {@code factor}) is class 1;
 * the classes cannot be split by a line, which makes this the standard toy problem for small MLPs
 * and the data of the batch-norm case study ({@code n=1000, noise=0.1, seed=1}). Exactness comes
 * from {@link NumpyRandom}, a port of numpy's legacy {@code RandomState}; coordinates may differ
 * from numpy's by an ulp or so where the C library's {@code sin}/{@code cos} round differently.
 *
 * <pre>{@code
 * Dataset all = Circles.dataset(1000, 0.1, 1);
 * Dataset train = all.slice(0, 500);
 * Dataset test = all.slice(500, 1000);
 * }</pre>
 *
 * <p>Maps to DL4J: nothing; the result is a {@link Dataset} of FLOAT arrays.
 */
public final class Circles {

    /** Radius of the inner circle relative to the outer one, scikit-learn's default: {@value}. */
    public static final double DEFAULT_FACTOR = 0.8;

    private static final String WHERE = "Circles";

    private Circles() {
    }

    /**
     * The exact coordinates and labels, in double precision.
     *
     * <p>The arrays are made fresh for each call and belong to the caller.
     *
     * @param x n rows of (x, y) coordinates, in the order scikit-learn returns them
     * @param y n labels: 0 for the outer circle, 1 for the inner one
     */
    public record Points(double[][] x, int[] y) {

        /** The number of points. */
        public int size() {
            return y.length;
        }
    }

    /**
     * The points of {@code make_circles(n, noise=noise, random_state=seed)} with the default
     * {@code factor} of {@value #DEFAULT_FACTOR}.
     *
     * @param n     number of points, at least 2; {@code n / 2} go to the outer circle, the rest to the inner
     * @param noise standard deviation of the Gaussian noise added to each coordinate, at least 0
     * @param seed  numpy seed, 0 to {@value NumpyRandom#MAX_SEED}
     */
    public static Points points(int n, double noise, long seed) {
        return points(n, noise, seed, DEFAULT_FACTOR);
    }

    /**
     * The points of {@code make_circles(n, noise=noise, random_state=seed, factor=factor)}.
     *
     * @param n      number of points, at least 2; {@code n / 2} go to the outer circle, the rest to the inner
     * @param noise  standard deviation of the Gaussian noise added to each coordinate, at least 0
     * @param seed   numpy seed, 0 to {@value NumpyRandom#MAX_SEED}
     * @param factor inner radius relative to the outer one, strictly between 0 and 1
     *               (default {@value #DEFAULT_FACTOR})
     */
    public static Points points(int n, double noise, long seed, double factor) {
        validate(n, noise, seed, factor);
        int outer = n / 2;
        int inner = n - outer;

        // Unshuffled: the outer circle first, then the inner one, as numpy's vstack/append builds it.
        double[][] ordered = new double[n][];
        int[] orderedLabels = new int[n];
        fillCircle(ordered, orderedLabels, 0, outer, 1.0, 0);
        fillCircle(ordered, orderedLabels, outer, inner, factor, 1);

        // sklearn.utils.shuffle: indices = arange(n); rng.shuffle(indices); X = X[indices].
        NumpyRandom rng = new NumpyRandom(seed);
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        rng.shuffle(indices);

        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = ordered[indices[i]];
            y[i] = orderedLabels[indices[i]];
        }

        // X += rng.normal(scale=noise, size=(n, 2)): the draws fill the (n, 2) block row by row.
        // sklearn adds the noise even when it is 0, so the stream is consumed the same way.
        for (int i = 0; i < n; i++) {
            x[i][0] += rng.normal(0.0, noise);
            x[i][1] += rng.normal(0.0, noise);
        }
        return new Points(x, y);
    }

    /**
     * Two circles as a {@link Dataset} ready for training, with the default {@code factor} of
     * {@value #DEFAULT_FACTOR}: features n x 2, labels an n x 1 column of 0 (outer) and 1 (inner),
     * both FLOAT (the coordinates are rounded from the exact doubles of {@link #points}).
     *
     * @param n     number of points, at least 2
     * @param noise standard deviation of the Gaussian noise, at least 0
     * @param seed  numpy seed, 0 to {@value NumpyRandom#MAX_SEED}
     */
    public static Dataset dataset(int n, double noise, long seed) {
        return dataset(n, noise, seed, DEFAULT_FACTOR);
    }

    /**
     * Two circles as a {@link Dataset}; see {@link #dataset(int, double, long)}.
     *
     * @param factor inner radius relative to the outer one, strictly between 0 and 1
     */
    public static Dataset dataset(int n, double noise, long seed, double factor) {
        Points points = points(n, noise, seed, factor);
        float[] features = new float[n * 2];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            features[2 * i] = (float) points.x()[i][0];
            features[2 * i + 1] = (float) points.x()[i][1];
            labels[i] = points.y()[i];
        }
        return Dataset.over(DataArrays.ofRows(features, 2, labels, 1, n));
    }

    /** numpy's linspace(0, 2*pi, count, endpoint=False) computes i * step with step = 2*pi / count. */
    private static void fillCircle(double[][] x, int[] y, int offset, int count, double radius, int label) {
        double step = 2.0 * Math.PI / count;
        for (int i = 0; i < count; i++) {
            double angle = i * step;
            // numpy multiplies after cos/sin (cos(t) * factor); radius 1.0 leaves the outer circle exact.
            x[offset + i] = new double[] {StrictMath.cos(angle) * radius, StrictMath.sin(angle) * radius};
            y[offset + i] = label;
        }
    }

    private static void validate(int n, double noise, long seed, double factor) {
        List<Problem> problems = new ArrayList<>();
        if (n < 2) {
            problems.add(new Problem(WHERE, "n", n,
                    String.format("n must be >= 2 (one point per circle at least), got n=%d", n), ""));
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            problems.add(new Problem(WHERE, "noise", noise,
                    String.format("noise is a standard deviation and must be a finite number >= 0, got noise=%s", noise),
                    ""));
        }
        if (seed < 0 || seed > NumpyRandom.MAX_SEED) {
            problems.add(new Problem(WHERE, "seed", seed,
                    String.format("seed must be in [0, %d] like numpy's RandomState, got seed=%d", NumpyRandom.MAX_SEED, seed),
                    ""));
        }
        if (!(factor > 0 && factor < 1)) {
            problems.add(new Problem(WHERE, "factor", factor,
                    String.format("factor is the inner radius relative to the outer one and must be in (0, 1), got factor=%s",
                            factor), ""));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }
}

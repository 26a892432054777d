package io.fluentdl.optim;

/**
 * The kind of momentum of {@link Sgd}.
 *
 * <ul>
 *   <li>{@link #NONE}: θ ← θ − lr·g.</li>
 *   <li>{@link #CLASSICAL} (heavy ball, Polyak 1964): v ← φ·v − lr·g, θ ← θ + v. DL4J has no such
 *       updater; ours is {@code internal.dl4j.ClassicalMomentum}, saved with the network.</li>
 *   <li>{@link #NESTEROV} (Sutskever et al. 2013): the gradient is taken at the look-ahead point;
 *       DL4J's {@code Nesterovs}.</li>
 * </ul>
 */
public enum Momentum {
    NONE,
    CLASSICAL,
    NESTEROV
}

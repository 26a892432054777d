package io.fluentdl.search;

/**
 * The kind of an {@link Hp}, named in the vocabulary shared by the Java factories, sweep files and
 * results ({@link #key()}); the behaviour lives in the Hp classes ({@link FloatHp}, {@link IntHp},
 * {@link OneMinusLogHp}, {@link ChoiceHp}, {@link FixedHp}).
 *
 * <p>Every kind maps {@code u = 0} to the low end and {@code u = 1} to the high end, so samplers
 * (random, grid, quasi-random, coarse-to-fine) work on unit vectors and never need to know scales.
 */
public enum HpKind {
    /** {@code low + u (high - low)}. */
    UNIFORM(true),
    /** {@code 10^r}, r uniform in [log10 low, log10 high]. */
    LOG_UNIFORM(true),
    /** {@code 1 - 10^r}, r uniform in [log10(1 - low), log10(1 - high)] (keras-tuner's reverse_log, done right). */
    ONE_MINUS_LOG_UNIFORM(true),
    /** {@code low, low + step, ..., high}, each value an equal share of [0, 1). */
    INT_RANGE(true),
    /** Integers in [low, high] whose log is uniform: {@code floor(low ((high + 1) / low)^u)}. */
    INT_LOG_RANGE(true),
    /** One of a list of values, each an equal share of [0, 1). */
    CHOICE(false),
    /** {@code false} for u &lt; 1/2, {@code true} from 1/2 on. */
    BOOL(false),
    /** One value; it takes no coordinate in the unit vector. */
    FIXED(false),
    /**
     * A leaf of a user's Arbiter space ({@link Search#over(org.deeplearning4j.arbiter.MultiLayerSpace)}):
     * the leaf maps u itself. TPE models it on the unit axis; coarse-to-fine leaves it whole.
     */
    ARBITER(false);

    private final boolean numeric;

    HpKind(boolean numeric) {
        this.numeric = numeric;
    }

    /** Whether values have an order and a range that coarse-to-fine can shrink. */
    public boolean isNumeric() {
        return numeric;
    }

    /**
     * The kind's name in the one vocabulary of searches: the sweep file's {@code distribution:} key, the
     * {@code kind} of each parameter in results.json and a study's record ({@code log_uniform},
     * {@code int_range}, {@code choice}, ...); the Java factory is its camel-case twin ({@link #factoryName()}).
     */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The factory name users wrote, for messages ({@code logUniform}, {@code intRange}, ...). */
    public String factoryName() {
        String[] parts = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return sb.toString();
    }
}

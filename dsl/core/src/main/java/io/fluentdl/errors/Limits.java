package io.fluentdl.errors;

/**
 * Upper bounds that protect the machine from a typo: a value past one of these would not train
 * anything useful, it would exhaust memory, crash the native code or run for years. Each check
 * says the bound and why; raise a bound here if a real use needs more.
 *
 * <pre>{@code
 * Limits.units("Model 'm', layer 1 'dense_1'", 2_000_000_000);
 * // Model 'm', layer 1 'dense_1': units must be <= 65536 (a 65536 x 65536 weight matrix alone takes 16 GiB),
 * //   got units=2000000000.
 * }</pre>
 */
public final class Limits {

    /** Most units in one layer: {@value}. A square weight matrix of this width is 16 GiB of floats. */
    public static final int MAX_UNITS = 65_536;
    /** Most epochs in one fit: {@value}. DL4J counts iterations in an int, which longer runs overflow. */
    public static final int MAX_EPOCHS = 100_000;
    /** Most examples per batch: {@value}. One batch's activations are allocated at once. */
    public static final int MAX_BATCH_SIZE = 1_048_576;
    /** Most trials in one search (per round): {@value}. Every trial is kept in memory and in the study. */
    public static final int MAX_TRIALS = 100_000;
    /** Most hidden layers a sweep may stack: {@value}. */
    public static final int MAX_LAYERS = 1_000;

    private Limits() {
    }

    public static int units(String where, int units) {
        return atMost(where, "units", units, MAX_UNITS, "a 65536 x 65536 weight matrix alone takes 16 GiB");
    }

    public static int epochs(String where, int epochs) {
        return atMost(where, "epochs", epochs, MAX_EPOCHS, "DL4J counts iterations in an int, which longer runs overflow");
    }

    public static int batchSize(String where, int batchSize) {
        return atMost(where, "batchSize", batchSize, MAX_BATCH_SIZE, "a batch's activations are allocated at once");
    }

    public static int trials(String where, int trials) {
        return atMost(where, "trials", trials, MAX_TRIALS, "every trial is kept in memory and in the study");
    }

    /** The rule text of a bound, for callers that word their own messages (sweep files, options). */
    public static String rule(String parameter, long max, String why) {
        return String.format("%s must be <= %d (%s)", parameter, max, why);
    }

    /** {@code value <= max}, else "where: parameter must be <= max (why), got parameter=value." */
    public static int atMost(String where, String parameter, int value, int max, String why) {
        if (value > max) {
            throw InvalidConfigException.of(where, parameter, value,
                    String.format("%s, got %s=%d", rule(parameter, max, why), parameter, value), "");
        }
        return value;
    }
}

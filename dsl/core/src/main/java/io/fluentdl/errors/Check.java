package io.fluentdl.errors;

/** Single-argument checks that throw at the call, so the stack trace points at the wrong line. */
public final class Check {

    private Check() {
    }

    public static int atLeast(String where, String parameter, int value, int min) {
        if (value < min) {
            throw InvalidConfigException.of(where, parameter, value,
                    String.format("%s must be >= %d, got %s=%d", parameter, min, parameter, value), "");
        }
        return value;
    }

    public static double positive(String where, String parameter, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw InvalidConfigException.of(where, parameter, value,
                    String.format("%s must be a finite number > 0, got %s=%s", parameter, parameter, value), "");
        }
        return value;
    }

    public static double nonNegative(String where, String parameter, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw InvalidConfigException.of(where, parameter, value,
                    String.format("%s must be a finite number >= 0, got %s=%s", parameter, parameter, value), "");
        }
        return value;
    }

    /** {@code low <= value < high}. */
    public static double inHalfOpen(String where, String parameter, double value, double low, double high, String meaning) {
        if (!(value >= low && value < high)) {
            throw InvalidConfigException.of(where, parameter, value,
                    String.format("%s%s must be in [%s, %s), got %s=%s", parameter, meaning, low, high, parameter, value), "");
        }
        return value;
    }

    /** {@code low <= value <= high}. */
    public static double inClosed(String where, String parameter, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw InvalidConfigException.of(where, parameter, value,
                    String.format("%s must be in [%s, %s], got %s=%s", parameter, low, high, parameter, value), "");
        }
        return value;
    }

    public static <T> T notNull(String where, String parameter, T value) {
        if (value == null) {
            throw InvalidConfigException.of(where, parameter, null,
                    String.format("%s must not be null", parameter), "");
        }
        return value;
    }
}

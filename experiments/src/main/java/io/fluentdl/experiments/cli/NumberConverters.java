package io.fluentdl.experiments.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Whole-number options with the range in the message ({@code --seed}, {@code --epochs}). */
final class NumberConverters {

    private NumberConverters() {
    }

    /** A seed: a whole number >= 0. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long seed = Long.parseLong(value.trim());
                if (seed >= 0) {
                    return seed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException(String.format("expected a whole number >= 0, got '%s'", value));
        }
    }

    /** Epochs: a whole number in [1, {@link io.fluentdl.errors.Limits#MAX_EPOCHS}]. */
    static final class Epochs implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = new Positive().convert(value);
            if (n > io.fluentdl.errors.Limits.MAX_EPOCHS) {
                throw new TypeConversionException(String.format("expected at most %d epochs (DL4J counts iterations "
                        + "in an int, which longer runs overflow), got '%s'", io.fluentdl.errors.Limits.MAX_EPOCHS, value));
            }
            return n;
        }
    }

    /** A count: a whole number >= 1. */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException(String.format("expected a whole number >= 1, got '%s'", value));
        }
    }
}

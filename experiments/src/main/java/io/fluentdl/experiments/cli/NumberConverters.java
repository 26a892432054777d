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

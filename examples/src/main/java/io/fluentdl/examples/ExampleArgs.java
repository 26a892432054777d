package io.fluentdl.examples;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The flags every example takes: {@code --quick} (small data, few epochs: a few seconds),
 * {@code --data DIR} (the MNIST folder; default: {@code FLUENTDL_MNIST_DIR}, then DL4J's cache, then the copy shipped in fluentdl-datasets) and
 * {@code --epochs N} (instead of the example's own count).
 *
 * @param quick  small data and few epochs
 * @param data   the MNIST folder, or null to search
 * @param epochs the epochs asked for, if any
 */
public record ExampleArgs(boolean quick, Path data, OptionalInt epochs) {

    public static final String USAGE = "[--quick] [--data DIR] [--epochs N]";

    /** Parses the flags; an unknown or incomplete one is an {@link IllegalArgumentException} naming the usage. */
    public static ExampleArgs parse(String... args) {
        boolean quick = false;
        Path data = null;
        OptionalInt epochs = OptionalInt.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--epochs" -> epochs = OptionalInt.of(positive(value(args, ++i, "--epochs")));
                default -> throw new IllegalArgumentException(
                        String.format("Unknown option '%s'. Usage: %s", args[i], USAGE));
            }
        }
        return new ExampleArgs(quick, data, epochs);
    }

    /** The epochs to train: {@code --epochs N} if given, else {@code quick} or {@code full}. */
    public int epochs(int quickEpochs, int fullEpochs) {
        return epochs.orElse(quick ? quickEpochs : fullEpochs);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(String.format("%s needs a value. Usage: %s", flag, USAGE));
        }
        return args[i];
    }

    private static int positive(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(String.format("--epochs must be a whole number >= 1, got '%s'", text));
    }
}

package io.fluentdl.experiments;

/**
 * What {@code ./fluentdl list} and the runner know about an experiment before it runs: its name,
 * its one-line description, and how many epochs and seeds a full and a {@code --quick} run use.
 *
 * <pre>{@code
 * static final ExperimentInfo INFO = ExperimentInfo.of("bn-case-study", "Batch norm on two circles ...", 100, 30);
 * static final ExperimentInfo LONG = ExperimentInfo.of("keras-mnist-convnet", "...", 15, 1).withSeeds(1, 2);
 * }</pre>
 *
 * @param name        the name used on the command line and as the output folder, e.g. {@code bn-case-study}
 *                    (a contract: results folders, tests and the README use it)
 * @param description one line for {@code ./fluentdl list}
 * @param epochs      epochs of a full run, used unless {@code --epochs} is given; at least 1
 * @param quickEpochs epochs of a {@code --quick} run, used unless {@code --epochs} is given; at least 1
 * @param seeds       seeds per variant of a full run, used unless {@code --seeds} is given (default
 *                    {@value #DEFAULT_SEEDS}; long experiments use fewer); at least 1
 * @param quickSeeds  seeds per variant of a {@code --quick} run (default {@value #DEFAULT_QUICK_SEEDS}); at least 1
 */
public record ExperimentInfo(String name, String description, int epochs, int quickEpochs, int seeds, int quickSeeds) {

    /** Seeds per variant in a full run unless the experiment says otherwise: {@value}. */
    public static final int DEFAULT_SEEDS = 5;
    /** Seeds per variant with {@code --quick} unless the experiment says otherwise: {@value}. */
    public static final int DEFAULT_QUICK_SEEDS = 2;

    public ExperimentInfo {
        if (name == null || name.isBlank() || description == null || epochs < 1 || quickEpochs < 1 || seeds < 1
                || quickSeeds < 1) {
            throw new IllegalArgumentException(String.format("ExperimentInfo: needs a name, a description and counts "
                    + ">= 1, got name=%s, description=%s, epochs=%d, quickEpochs=%d, seeds=%d, quickSeeds=%d.",
                    name, description, epochs, quickEpochs, seeds, quickSeeds));
        }
    }

    /** An experiment with the default seed counts ({@value #DEFAULT_SEEDS}, quick {@value #DEFAULT_QUICK_SEEDS}). */
    public static ExperimentInfo of(String name, String description, int epochs, int quickEpochs) {
        return new ExperimentInfo(name, description, epochs, quickEpochs, DEFAULT_SEEDS, DEFAULT_QUICK_SEEDS);
    }

    /** The same experiment with other seed counts for full and quick runs. */
    public ExperimentInfo withSeeds(int fullSeeds, int quickSeedCount) {
        return new ExperimentInfo(name, description, epochs, quickEpochs, fullSeeds, quickSeedCount);
    }

    /** Epochs of a quick or a full run. */
    public int epochs(boolean quick) {
        return quick ? quickEpochs : epochs;
    }

    /** Seeds per variant of a quick or a full run. */
    public int seeds(boolean quick) {
        return quick ? quickSeeds : seeds;
    }
}

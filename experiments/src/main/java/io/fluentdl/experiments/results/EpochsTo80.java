package io.fluentdl.experiments.results;

import java.util.ArrayList;
import java.util.List;

/**
 * How fast a variant learns: the first epoch (1-based) at which test accuracy reached
 * {@value #THRESHOLD}, averaged over the seeds that reached it.
 *
 * @param mean         mean first epoch over the seeds that reached the threshold; {@code null} when
 *                     none did. Seeds that never reached it are not in the mean (they have no
 *                     epoch), so read it together with {@code neverReached}
 * @param neverReached how many seeds never reached the threshold within the run's epochs
 */
public record EpochsTo80(Double mean, int neverReached) {

    /** The test accuracy that counts as "learned" (the lecture's 80%). */
    public static final double THRESHOLD = 0.80;

    /** Computes the statistic from per-seed test accuracy curves. */
    public static EpochsTo80 of(List<SeedRun> runs) {
        List<Double> reached = new ArrayList<>();
        int never = 0;
        for (SeedRun run : runs) {
            int epoch = run.firstEpochReaching(THRESHOLD);
            if (epoch > 0) {
                reached.add((double) epoch);
            } else {
                never++;
            }
        }
        Double mean = reached.isEmpty() ? null : MeanStd.of(reached).mean();
        return new EpochsTo80(mean, never);
    }
}

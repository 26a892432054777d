package io.fluentdl.experiments.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One variant trained with one seed: its per-epoch curves (index 0 = epoch 1).
 *
 * @param seed          the seed of the weights and of the batch order
 * @param trainAccuracy accuracy on the training set after each epoch
 * @param testAccuracy  accuracy on the test set after each epoch
 * @param trainLoss     loss on the training set after each epoch
 * @param testLoss      loss on the test set after each epoch
 */
@JsonPropertyOrder({"seed", "trainAccuracy", "testAccuracy", "trainLoss", "testLoss"})
public record SeedRun(long seed, List<Double> trainAccuracy, List<Double> testAccuracy,
                      List<Double> trainLoss, List<Double> testLoss) {

    public SeedRun {
        trainAccuracy = List.copyOf(trainAccuracy);
        testAccuracy = List.copyOf(testAccuracy);
        trainLoss = List.copyOf(trainLoss);
        testLoss = List.copyOf(testLoss);
        int n = trainAccuracy.size();
        if (testAccuracy.size() != n || trainLoss.size() != n || testLoss.size() != n) {
            throw new IllegalArgumentException(String.format(
                    "SeedRun seed=%d: every curve needs one value per epoch, got trainAccuracy=%d, testAccuracy=%d, trainLoss=%d, testLoss=%d",
                    seed, n, testAccuracy.size(), trainLoss.size(), testLoss.size()));
        }
    }

    /** Number of epochs recorded. */
    public int epochs() {
        return trainAccuracy.size();
    }

    /** The first epoch (1-based) with test accuracy >= threshold, or 0 if none. */
    public int firstEpochReaching(double threshold) {
        for (int i = 0; i < testAccuracy.size(); i++) {
            if (testAccuracy.get(i) >= threshold) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Train accuracy after the last epoch. */
    public double finalTrainAccuracy() {
        return trainAccuracy.get(epochs() - 1);
    }

    /** Test accuracy after the last epoch. */
    public double finalTestAccuracy() {
        return testAccuracy.get(epochs() - 1);
    }
}

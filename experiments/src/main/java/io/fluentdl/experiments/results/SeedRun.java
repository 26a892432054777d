package io.fluentdl.experiments.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param learningRate  the optimizer's learning rate at each epoch's last mini-batch, as the network
 *                      reported it; absent (null, not in the JSON) for experiments that do not record it
 */
@JsonPropertyOrder({"seed", "trainAccuracy", "testAccuracy", "trainLoss", "testLoss", "learningRate"})
public record SeedRun(long seed, List<Double> trainAccuracy, List<Double> testAccuracy,
                      List<Double> trainLoss, List<Double> testLoss,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> learningRate) {

    @JsonCreator
    public SeedRun {
        trainAccuracy = List.copyOf(trainAccuracy);
        testAccuracy = List.copyOf(testAccuracy);
        trainLoss = List.copyOf(trainLoss);
        testLoss = List.copyOf(testLoss);
        learningRate = learningRate == null ? null : List.copyOf(learningRate);
        int n = trainAccuracy.size();
        if (testAccuracy.size() != n || trainLoss.size() != n || testLoss.size() != n
                || (learningRate != null && learningRate.size() != n)) {
            throw new IllegalArgumentException(String.format(
                    "SeedRun seed=%d: every curve needs one value per epoch, got trainAccuracy=%d, testAccuracy=%d, "
                            + "trainLoss=%d, testLoss=%d, learningRate=%s",
                    seed, n, testAccuracy.size(), trainLoss.size(), testLoss.size(),
                    learningRate == null ? "none" : learningRate.size()));
        }
    }

    /** A run without a recorded learning rate. */
    public SeedRun(long seed, List<Double> trainAccuracy, List<Double> testAccuracy, List<Double> trainLoss,
                   List<Double> testLoss) {
        this(seed, trainAccuracy, testAccuracy, trainLoss, testLoss, null);
    }

    /** The first epoch (1-based) with train accuracy >= threshold, or 0 if none. */
    public int firstEpochTrainReaching(double threshold) {
        for (int i = 0; i < trainAccuracy.size(); i++) {
            if (trainAccuracy.get(i) >= threshold) {
                return i + 1;
            }
        }
        return 0;
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

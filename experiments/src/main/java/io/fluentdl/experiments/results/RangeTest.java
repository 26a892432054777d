package io.fluentdl.experiments.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One learning-rate range test (Smith 2017): the loss per mini-batch as the rate rose, and the
 * rates it suggests.
 *
 * @param name               what was tested, e.g. {@code sgd-momentum-0.9}
 * @param seed               the seed of the model's weights and the batch order
 * @param learningRate       the rate of each mini-batch, rising
 * @param loss               each mini-batch's loss before its update
 * @param smoothedLoss       the bias-corrected moving average of the loss
 * @param suggestedSteepest  the rate where the smoothed loss falls fastest against log(rate)
 * @param suggestedMinOver10 a tenth of the rate with the lowest smoothed loss
 * @param minimumAt          the rate with the lowest smoothed loss
 * @param stopReason         why the test ended, in words
 */
@JsonPropertyOrder({"name", "seed", "suggestedSteepest", "suggestedMinOver10", "minimumAt", "stopReason",
        "learningRate", "loss", "smoothedLoss"})
public record RangeTest(String name, long seed, List<Double> learningRate, List<Double> loss, List<Double> smoothedLoss,
                        double suggestedSteepest, double suggestedMinOver10, double minimumAt, String stopReason) {

    public RangeTest {
        learningRate = List.copyOf(learningRate);
        loss = List.copyOf(loss);
        smoothedLoss = List.copyOf(smoothedLoss);
        if (loss.size() != learningRate.size() || smoothedLoss.size() != learningRate.size()) {
            throw new IllegalArgumentException(String.format(
                    "RangeTest '%s': needs one loss per rate, got learningRate=%d, loss=%d, smoothedLoss=%d",
                    name, learningRate.size(), loss.size(), smoothedLoss.size()));
        }
    }
}
